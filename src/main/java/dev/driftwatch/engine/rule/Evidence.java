package dev.driftwatch.engine.rule;

import java.io.Serializable;
import java.util.Map;

/**
 * One row that shows why a rule failed, so the user can find and fix it. Serializable, as part of a
 * {@link MergeableRowCheck}'s state.
 *
 * @param source file of the snapshot, or null
 * @param line   line or record number in that file, or 0
 * @param id     the row's id, when the dataset declares an id column, or null
 * @param values the offending values by column
 */
public record Evidence(String source, long line, String id, Map<String, String> values) implements Serializable {
    public Evidence {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /**
     * Evidence that names no row, only figures, kept in the order given (names and values alternating), so that
     * every run prints them alike.
     */
    public static Evidence of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected names and values in pairs but found " + namesAndValues.length
                    + " strings");
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Evidence(null, 0, null, values);
    }
}
