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
 * Reads delimited text with FastCSV: the first record is the header, unless the {@link ReadOptions} name
 * the columns (then it is data); quotes and embedded newlines are handled; a record with a different field
 * count, or with bytes that are not UTF-8, is rejected.
 */
final class CsvRowReader implements RowReader {
    private static final char REPLACEMENT = '\uFFFD';
    private final char separator;
    private final ReadOptions options;
    private final Header declaredHeader;

    CsvRowReader(char separator, ReadOptions options) {
        this.separator = separator;
        this.options = options;
        this.declaredHeader = options.header() == null ? null : new Header(options.header());
    }

    /** The names in the first record, or null for an empty file. */
    private static Header headerRow(Iterator<CsvRecord> records) {
        if (!records.hasNext()) {
            return null;
        }
        return new Header(records.next().getFields().stream().map(String::strip).map(Bom::strip).toList());
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
            Header header = declaredHeader != null ? declaredHeader : headerRow(records);
            if (header == null) {
                return;
            }
            String expected = declaredHeader != null
                    ? header.size() + " fields, one per name of header: in the rules file,"
                    : header.size() + " fields";
            // Without a header row, a byte order mark would sit in the first value (FastCSV leaves it in a Reader).
            boolean bomPossible = declaredHeader != null;
            while (records.hasNext()) {
                CsvRecord record = records.next();
                boolean first = bomPossible;
                bomPossible = false;
                long line = record.getStartingLineNumber();
                if (record.getFieldCount() != header.size()) {
                    sink.reject(new ReadProblem(source, line, "field_count",
                            "expected " + expected + " but found " + record.getFieldCount()));
                    continue;
                }
                Object[] values = new Object[header.size()];
                boolean badBytes = false;
                for (int i = 0; i < values.length; i++) {
                    String field = first && i == 0 ? Bom.strip(record.getField(i)) : record.getField(i);
                    badBytes |= field.indexOf(REPLACEMENT) >= 0;
                    values[i] = options.trimValues() ? field.strip() : field;
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
