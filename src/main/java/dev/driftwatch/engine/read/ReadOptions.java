package dev.driftwatch.engine.read;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How to read delimited text (csv, tsv) when the file does not say it all. JSON objects name their own
 * keys and JSON values carry no padding, so neither option applies to them.
 *
 * @param header     the column names of files that have no header row (their first line is data);
 *                   null when the first line names the columns
 * @param trimValues strip leading and trailing white space from every value (UCI Adult writes ", " between values)
 */
public record ReadOptions(List<String> header, boolean trimValues) {
    /** A header row, and values as written. */
    public static final ReadOptions AS_WRITTEN = new ReadOptions(null, false);

    public ReadOptions {
        if (header != null) {
            if (header.isEmpty()) {
                throw new IllegalArgumentException("header: expected at least one column name but found an empty list");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("header[" + i + "]: expected a column name but found an empty one");
                }
                if (!names.add(name)) {
                    throw new IllegalArgumentException("header[" + i + "]: expected unique column names but '" + name
                            + "' is named twice");
                }
            }
            header = List.copyOf(header);
        }
    }

    /**
     * @throws IllegalArgumentException naming the option (as a rules-file key) that the format cannot honour
     */
    public void requireApplicableTo(Format format) {
        if (format.delimited()) {
            return;
        }
        String found = format.name().toLowerCase(Locale.ROOT);
        if (header != null) {
            throw new IllegalArgumentException("header: expected format csv or tsv but found " + found
                    + " (a JSON object names its own keys)");
        }
        if (trimValues) {
            throw new IllegalArgumentException("trim_values: expected format csv or tsv but found " + found
                    + " (JSON values are read as written)");
        }
    }
}
