package dev.driftwatch.engine.rule.categories;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.ValueCount;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value counts of one column in one split, as the profile keeps them: exact, or Misra-Gries estimates
 * that are at most {@code error} rows too high, where a value with at most {@code error} rows may be missing.
 *
 * @param counts tracked values with their (estimated) rows, most frequent first
 * @param rows   rows of the split
 */
record CategoryCounts(Map<String, Long> counts, long error, long rows) {
    CategoryCounts {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** @param column a column profiled with value counts */
    static CategoryCounts of(ColumnProfile column) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ValueCount value : column.categorical().values()) {
            counts.put(value.value(), value.count());
        }
        return new CategoryCounts(counts, column.categorical().maxError(), column.count());
    }

    boolean exact() {
        return error == 0;
    }

    boolean has(String value) {
        return counts.containsKey(value);
    }

    /** The fewest rows a tracked value can have: its estimate less the error. */
    long atLeast(String value) {
        return counts.get(value) - error;
    }
}
