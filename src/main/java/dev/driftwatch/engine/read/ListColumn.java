package dev.driftwatch.engine.read;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A csv/tsv column whose values are lists written as one string ({@code tag_001|tag_262}): read as a list of its
 * items, each stripped of surrounding white space, empty items dropped, as a JSON array of strings would be. An
 * empty or blank value stays as written, so it counts as missing ("empty", "blank") like any other.
 *
 * @param column    the column's name (the dataset's tags column)
 * @param separator the text between items (rules-file key {@code list_separator}); not empty
 */
public record ListColumn(String column, String separator) implements Serializable {
    public ListColumn {
        Objects.requireNonNull(column, "column");
        if (separator == null || separator.isEmpty()) {
            throw new IllegalArgumentException("list_separator: expected a separator such as \"|\" but found an empty one");
        }
    }

    /** The items of a value, or the value itself when it is empty or blank. */
    public Object split(String value) {
        if (value.isBlank()) {
            return value;
        }
        List<String> items = new ArrayList<>();
        int start = 0;
        while (start <= value.length()) {
            int end = value.indexOf(separator, start);
            if (end < 0) {
                end = value.length();
            }
            String item = value.substring(start, end).strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
            start = end + separator.length();
        }
        return List.copyOf(items);
    }
}
