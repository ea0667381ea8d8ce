package dev.driftwatch.engine.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one JSON object per line; a line that is not a well-formed object, or holds bytes that are not
 * UTF-8 (decoded as U+FFFD), or is longer than {@link ReadLimits#maxLineBytes()}, is rejected and reading goes on.
 * A byte order mark is skipped. Objects with more distinct keys than {@link ReadLimits#maxColumns()} end the file.
 */
final class JsonLinesRowReader implements RowReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ReadLimits limits;

    JsonLinesRowReader(ReadLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(InputStream in, String source, String split, RowSink sink) throws IOException {
        var rows = new JsonObjectRows(limits);
        try (in) {
            var lines = new BoundedLines(in, limits.maxLineBytes());
            long line = 0;
            while (lines.next()) {
                line++;
                if (lines.tooLong()) {
                    sink.reject(new ReadProblem(source, line, "long_line", "expected a line of at most "
                            + limits.maxLineBytes() + " bytes (max_line_bytes) but found one of " + lines.bytes() + " bytes"));
                    continue;
                }
                String text = lines.text();
                if (line == 1) {
                    text = Bom.strip(text);
                }
                if (text.isBlank()) {
                    continue;
                }
                if (text.indexOf('\uFFFD') >= 0) {
                    sink.reject(new ReadProblem(source, line, "encoding",
                            "expected UTF-8 text but found an invalid byte sequence"));
                    continue;
                }
                try (JsonParser parser = MAPPER.createParser(text)) {
                    JsonToken token = parser.nextToken();
                    if (token != JsonToken.START_OBJECT) {
                        sink.reject(new ReadProblem(source, line, "not_an_object", "expected a JSON object but found " + token));
                        continue;
                    }
                    sink.accept(rows.next(parser, source, split, line));
                } catch (JsonProcessingException e) {
                    sink.reject(new ReadProblem(source, line, "parse",
                            "expected well-formed JSON but found: " + e.getOriginalMessage()));
                }
            }
            sink.linesRead(line);
        }
    }
}
