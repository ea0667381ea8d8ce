package dev.driftwatch.engine.read;

import com.carrotsearch.hppc.LongArrayList;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * The line each object of a JSON array starts on, found as {@link JsonArrayRowReader} finds its rows' lines, without
 * reading the objects: for a reader that gets the objects elsewhere (the Spark runner) and must place them in the file.
 * Stateless.
 */
public final class JsonArrayLines {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonArrayLines() {
    }

    /**
     * @return the start line of each object element, in order; empty when the text is not a JSON array
     * @throws IOException when the stream cannot be read or is not well-formed JSON
     */
    public static long[] of(InputStream in) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return new long[0];
            }
            LongArrayList lines = new LongArrayList();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (token == JsonToken.START_OBJECT) {
                    lines.add(parser.currentLocation().getLineNr());
                }
                parser.skipChildren();
            }
            return lines.toArray();
        }
    }
}
