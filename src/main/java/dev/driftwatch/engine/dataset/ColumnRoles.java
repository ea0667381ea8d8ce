package dev.driftwatch.engine.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The role each declared column plays. Columns not named here are still profiled, with an inferred type.
 *
 * @param id            the row identifier, or null
 * @param inputs        the columns that make up an example's input (duplicate and leakage checks compare them);
 *                      profiled as text unless also declared numeric, categorical or timestamps
 * @param label         a single-label target column, or null
 * @param tags          a multi-label target column (a list, or one label per row), or null
 * @param numeric       columns to treat as numbers
 * @param categorical   columns to treat as categories
 * @param text          columns to treat as free text
 * @param timestamps    columns holding dates or times
 * @param missingTokens per column, extra values that mean "missing" (e.g. {@code "0"} for Pima's Insulin), for the
 *                      profile and every rule; the key {@code "*"} applies to every column; a number token matches
 *                      every spelling of the number in a column not {@link #comparedAsText compared as text}
 */
public record ColumnRoles(
        String id,
        List<String> inputs,
        String label,
        String tags,
        List<String> numeric,
        List<String> categorical,
        List<String> text,
        List<String> timestamps,
        Map<String, List<String>> missingTokens) {

    public static final String EVERY_COLUMN = "*";

    public ColumnRoles {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        numeric = numeric == null ? List.of() : List.copyOf(numeric);
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
        text = text == null ? List.of() : List.copyOf(text);
        timestamps = timestamps == null ? List.of() : List.copyOf(timestamps);
        missingTokens = missingTokens == null ? Map.of() : Map.copyOf(missingTokens);
    }

    public static ColumnRoles none() {
        return new ColumnRoles(null, List.of(), null, null, List.of(), List.of(), List.of(), List.of(), Map.of());
    }

    /** Every column named by a role, in declaration order, without repeats. */
    public List<String> declared() {
        var names = new LinkedHashMap<String, Boolean>();
        List<String> all = new ArrayList<>();
        if (id != null) {
            all.add(id);
        }
        all.addAll(inputs);
        if (label != null) {
            all.add(label);
        }
        if (tags != null) {
            all.add(tags);
        }
        all.addAll(numeric);
        all.addAll(categorical);
        all.addAll(text);
        all.addAll(timestamps);
        all.forEach(name -> names.put(name, true));
        return List.copyOf(names.keySet());
    }

    /**
     * Whether a column gets text statistics (lengths, words) instead of value counts: a declared text
     * column, or an input not declared numeric, categorical or a timestamp (a tabular dataset's inputs
     * keep the type they are declared with).
     */
    public boolean profiledAsText(String column) {
        return text.contains(column) || inputs.contains(column) && !numeric.contains(column)
                && !categorical.contains(column) && !timestamps.contains(column);
    }

    /**
     * Whether a column's values are compared as text only: the id, label and tags, and columns declared
     * categorical or text (text inputs included). Other columns may hold numbers, which compare as numbers.
     */
    public boolean comparedAsText(String column) {
        return column.equals(id) || column.equals(label) || column.equals(tags) || categorical.contains(column)
                || profiledAsText(column);
    }

    /** The tokens that count as missing in a column, beyond null, empty and whitespace. */
    public Set<String> missingTokensOf(String column) {
        var tokens = new java.util.HashSet<String>(missingTokens.getOrDefault(EVERY_COLUMN, List.of()));
        tokens.addAll(missingTokens.getOrDefault(column, List.of()));
        return Set.copyOf(tokens);
    }
}
