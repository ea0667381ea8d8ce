package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.data.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads values out of a row the way the rules compare them. Stateless. */
public final class RowValues {
    private RowValues() {
    }

    /** The values of some columns as text (lists joined by a space; null stays null). */
    public static List<String> texts(Row row, List<String> columns) {
        List<String> values = new ArrayList<>(columns.size());
        columns.forEach(column -> values.add(row.text(column)));
        return values;
    }

    /** The values of some columns, normalised (text as the normalisation says, numbers as numbers). */
    public static List<String> normalised(Row row, List<String> columns, TextNormalisation normalisation) {
        List<String> values = new ArrayList<>(columns.size());
        columns.forEach(column -> values.add(normalisation.apply(row.text(column))));
        return values;
    }

    /** A label column's value as a sorted set (a tag list, or one label), so order and repeats do not matter. */
    public static String labelSet(Row row, String column) {
        List<String> labels = row.labels(column);
        if (labels.size() == 1) {
            return labels.get(0).strip();
        }
        String[] sorted = new String[labels.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = labels.get(i).strip();
        }
        Arrays.sort(sorted);
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || !sorted[i].equals(sorted[i - 1])) {
                set.append(i == 0 ? "" : ", ").append(sorted[i]);
            }
        }
        return set.toString();
    }

    /** Evidence naming a row and the given columns' values. */
    public static Evidence evidence(Row row, String idColumn, List<String> columns) {
        Map<String, String> values = new LinkedHashMap<>();
        columns.forEach(column -> values.put(column, abbreviate(row.text(column))));
        return new Evidence(row.source(), row.line(), idColumn == null ? null : row.text(idColumn), values);
    }

    /** Long texts shortened for evidence: 120 characters at most. */
    public static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
    }
}
