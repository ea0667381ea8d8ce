package dev.driftwatch.engine.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON array of objects with Jackson's streaming parser: one object in memory at a time.
 * Rows carry the line where their object starts. An element that is not an object is rejected; a syntax
 * error or an invalid UTF-8 sequence ends the file (the parser cannot resynchronise), reported with its line.
 * A UTF-8 byte order mark is skipped by Jackson. The file is read to its end in every case, so that its
 * physical lines are counted.
 */
final class JsonArrayRowReader implements RowReader {
    private static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());
    private final ReadLimits limits;

    JsonArrayRowReader(ReadLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(InputStream in, String source, String split, RowSink sink) throws IOException {
        var counted = new LineCountingInputStream(in);
        try (JsonParser parser = MAPPER.createParser(counted)) {
            readArray(parser, source, split, sink);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            boolean encoding = e.getOriginalMessage() != null && e.getOriginalMessage().contains("Invalid UTF-8");
            sink.reject(new ReadProblem(source, at == null ? 0 : at.getLineNr(), encoding ? "encoding" : "parse",
                    (encoding ? "expected UTF-8 text but found: " : "expected well-formed JSON but found: ")
                            + e.getOriginalMessage()));
        }
        counted.drain();
        sink.linesRead(counted.lines());
    }

    private void readArray(JsonParser parser, String source, String split, RowSink sink) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_ARRAY) {
            sink.reject(new ReadProblem(source, 0, "parse", "expected a JSON array but found " + first));
            return;
        }
        var rows = new JsonObjectRows(limits);
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            long line = parser.currentLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                sink.reject(new ReadProblem(source, line, "not_an_object", "expected a JSON object but found " + token));
                parser.skipChildren();
                continue;
            }
            sink.accept(rows.next(parser, source, split, line));
        }
    }
}
