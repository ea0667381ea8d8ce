package dev.driftwatch.engine.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns JSON objects into rows, one object at a time, from a parser positioned on START_OBJECT.
 * The header grows as new keys appear; rows read earlier keep the narrower header they were built with.
 */
final class JsonObjectRows {
    private final ReadLimits limits;
    private Header header = new Header(List.of());

    JsonObjectRows(ReadLimits limits) {
        this.limits = limits;
    }

    Row next(JsonParser parser, String source, String split, long recordNumber) throws IOException {
        Object[] values = new Object[Math.max(4, header.size())];
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            if (header.size() == limits.maxColumns() && header.indexOf(key) < 0) {
                throw new IOException(limits.tooManyColumns("more: key '" + key + "' of the record at line "
                        + recordNumber + " would be column " + (header.size() + 1)));
            }
            header = header.with(key);
            int index = header.indexOf(key);
            if (index >= values.length) {
                values = Arrays.copyOf(values, Math.max(index + 1, values.length * 2));
            }
            values[index] = value(parser);
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IOException("expected a field name or '}' but found " + token);
        }
        return new Row(header, Arrays.copyOf(values, header.size()), split, source, recordNumber);
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return parser.getText();
        }
        if (token == JsonToken.START_ARRAY) {
            List<String> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken().isScalarValue()) {
                    items.add(parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getText());
                } else {
                    items.add(parser.readValueAsTree().toString());
                }
            }
            return List.copyOf(items.stream().filter(java.util.Objects::nonNull).toList());
        }
        return parser.readValueAsTree().toString();
    }
}
