package dev.driftwatch.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.engine.read.ReadOptions;
import java.util.ArrayList;
import java.util.List;

/** The dataset keys {@code header:} and {@code trim_values:}, checked value by value so a mistake names its key. */
final class ReadOptionKeys {
    private ReadOptionKeys() {
    }

    /** @throws IllegalArgumentException "key: problem", the key relative to the document */
    static ReadOptions of(JsonNode header, JsonNode trimValues) {
        return new ReadOptions(header(header), trimValues(trimValues));
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

    /** A YAML value as a message shows it: 'text', 5, {"x":1}, or nothing. */
    private static String found(JsonNode node) {
        return node.isNull() ? "nothing" : node.isTextual() ? "'" + node.asText() + "'" : node.toString();
    }
}
