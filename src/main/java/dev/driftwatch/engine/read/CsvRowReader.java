package dev.driftwatch.engine.read;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Reads delimited text with FastCSV: first record is the header; quotes and embedded newlines are
 * handled; a record with a different field count, or with bytes that are not UTF-8, is rejected.
 */
final class CsvRowReader implements RowReader {
    private static final char REPLACEMENT = '\uFFFD';
    private final char separator;

    CsvRowReader(char separator) {
        this.separator = separator;
    }

    @Override
    public void read(InputStream in, String source, String split, RowSink sink) throws IOException {
        var text = new InputStreamReader(in, StandardCharsets.UTF_8);
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .detectBomHeader(true)
                .ofCsvRecord(text)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                return;
            }
            Header header = new Header(records.next().getFields().stream().map(String::strip).map(Bom::strip).toList());
            while (records.hasNext()) {
                CsvRecord record = records.next();
                long line = record.getStartingLineNumber();
                if (record.getFieldCount() != header.size()) {
                    sink.reject(new ReadProblem(source, line, "field_count",
                            "expected " + header.size() + " fields but found " + record.getFieldCount()));
                    continue;
                }
                Object[] values = new Object[header.size()];
                boolean badBytes = false;
                for (int i = 0; i < values.length; i++) {
                    String field = record.getField(i);
                    badBytes |= field.indexOf(REPLACEMENT) >= 0;
                    values[i] = field;
                }
                if (badBytes) {
                    sink.reject(new ReadProblem(source, line, "encoding",
                            "expected UTF-8 text but found an invalid byte sequence"));
                    continue;
                }
                sink.accept(new Row(header, values, split, source, line));
            }
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            sink.reject(new ReadProblem(source, 0, "parse", "expected well-formed CSV but found: " + e.getMessage()));
        }
    }
}
