package dev.driftwatch.engine.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON array of objects with Jackson's streaming parser: one object in memory at a time.
 * An element that is not an object is rejected; a syntax error ends the file, reported with its location.
 */
final class JsonArrayRowReader implements RowReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void read(InputStream in, String source, String split, RowSink sink) throws IOException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                sink.reject(new ReadProblem(source, 0, "parse", "expected a JSON array but found " + first));
                return;
            }
            var rows = new JsonObjectRows();
            long record = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                record++;
                if (token != JsonToken.START_OBJECT) {
                    sink.reject(new ReadProblem(source, record, "not_an_object",
                            "expected a JSON object but found " + token));
                    parser.skipChildren();
                    continue;
                }
                sink.accept(rows.next(parser, source, split, record));
            }
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            sink.reject(new ReadProblem(source, at == null ? 0 : at.getLineNr(), "parse",
                    "expected well-formed JSON but found: " + e.getOriginalMessage()));
        }
    }
}
