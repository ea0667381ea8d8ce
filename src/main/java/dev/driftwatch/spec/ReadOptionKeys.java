package dev.driftwatch.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.engine.read.FieldLimits;
import dev.driftwatch.engine.read.ListColumn;
import dev.driftwatch.engine.read.ReadLimits;
import dev.driftwatch.engine.read.ReadOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The dataset keys that say how to read csv/tsv files ({@code header}, {@code trim_values}, {@code delimiter},
 * {@code quote}, {@code list_separator}, {@code max_field_lines}, {@code max_field_bytes}) and the limits of every
 * format ({@code max_line_bytes}, {@code max_columns}, {@code max_decompressed_bytes}), checked value by value so
 * a mistake names its key.
 */
final class ReadOptionKeys {
    private static final String ONE_CHARACTER = "expected one character, such as \";\" or \"\\t\", but found ";

    private ReadOptionKeys() {
    }

    /** @throws IllegalArgumentException "key: problem", the key relative to the document */
    static ReadOptions of(DatasetDocument doc) {
        String tags = doc.columns() == null ? null : doc.columns().tags();
        return new ReadOptions(header(doc.header()), trimValues(doc.trimValues()), delimiter(doc.delimiter()),
                quote(doc.quote()), listColumn(doc.listSeparator(), tags),
                new FieldLimits((int) count(doc.maxFieldLines(), "max_field_lines", "lines", FieldLimits.DEFAULT.maxLines()),
                        count(doc.maxFieldBytes(), "max_field_bytes", "bytes", FieldLimits.DEFAULT.maxBytes())),
                limits(doc));
    }

    private static ReadLimits limits(DatasetDocument doc) {
        ReadLimits defaults = ReadLimits.DEFAULT;
        return new ReadLimits(count(doc.maxLineBytes(), "max_line_bytes", "bytes", defaults.maxLineBytes()),
                (int) count(doc.maxColumns(), "max_columns", "columns", defaults.maxColumns()),
                count(doc.maxDecompressedBytes(), "max_decompressed_bytes", "bytes", defaults.maxDecompressedBytes()));
    }

    /** The declared column names, or null when the key is absent (the files have a header row). */
    private static List<String> header(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("header: expected a list of column names, such as [age, workclass], but found "
                    + (node.isTextual() ? "the text " : "") + found(node));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode name = node.get(i);
            if (!name.isValueNode() || name.isNull()) {
                throw new IllegalArgumentException("header[" + i + "]: expected a column name but found " + found(name));
            }
            names.add(name.asText());
        }
        return names;
    }

    private static boolean trimValues(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("trim_values: expected true or false but found " + found(node));
        }
        return node.asBoolean();
    }

    private static Character delimiter(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().length() != 1) {
            boolean escapedTab = node.isTextual() && node.asText().equals("\\t");
            throw new IllegalArgumentException("delimiter: " + ONE_CHARACTER + found(node)
                    + (escapedTab ? " (a backslash and a t: write \"\\t\" in double quotes for a tab)" : ""));
        }
        return node.asText().charAt(0);
    }

    private static String quote(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || !(node.asText().length() == 1 || node.asText().equals(ReadOptions.NO_QUOTE))) {
            throw new IllegalArgumentException("quote: expected one character, such as '\"', or none but found " + found(node));
        }
        return node.asText();
    }

    private static ListColumn listColumn(JsonNode node, String tagsColumn) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new IllegalArgumentException("list_separator: expected a separator such as \"|\" but found " + found(node));
        }
        if (tagsColumn == null) {
            throw new IllegalArgumentException("list_separator: expected a tags column to split (columns: tags:) but found none");
        }
        return new ListColumn(tagsColumn, node.asText());
    }

    private static long count(JsonNode node, String key, String unit, long absent) {
        if (node == null) {
            return absent;
        }
        if (!node.isIntegralNumber() || node.asLong() < 1 || (!unit.equals("bytes") && node.asLong() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(key + ": expected a whole number of " + unit + ", at least 1, but found "
                    + found(node));
        }
        return node.asLong();
    }

    /** A YAML value as a message shows it: 'text', 5, {"x":1}, or nothing. */
    private static String found(JsonNode node) {
        return node.isNull() ? "nothing" : node.isTextual() ? "'" + node.asText() + "'" : node.toString();
    }
}
