package dev.driftwatch.engine.read;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads delimited text (csv, tsv) with {@link DelimitedRecords}: the first record is the header, unless the
 * {@link ReadOptions} name the columns (then it is data). A record with a different field count, with bytes that are
 * not UTF-8, or with a field past the {@link FieldLimits}, is rejected; a header that looks separated by another
 * delimiter (while none was declared) makes the whole file unreadable, and the problem names the delimiter it needs.
 */
final class CsvRowReader implements RowReader {
    private static final char REPLACEMENT = '\uFFFD';
    private final char delimiter;
    private final int quote;
    private final ReadOptions options;
    private final Header declaredHeader;

    /** @param quote the quote character, or -1 when fields are not quoted */
    CsvRowReader(char delimiter, int quote, ReadOptions options) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.options = options;
        this.declaredHeader = options.header() == null ? null : new Header(options.header());
    }

    @Override
    public void read(InputStream in, String source, String split, RowSink sink) throws IOException {
        var records = new DelimitedRecords(new InputStreamReader(in, StandardCharsets.UTF_8), source, delimiter, quote,
                options.fieldLimits(), options.limits().maxColumns());
        Header header = declaredHeader != null ? declaredHeader : headerRow(records, source, sink);
        if (header != null) {
            readRows(records, header, source, split, sink);
        }
        sink.linesRead(records.physicalLines());
    }

    /** The names in the first record; null for an empty file, or when the rest of the file cannot be read. */
    private Header headerRow(DelimitedRecords records, String source, RowSink sink) throws IOException {
        if (!records.next()) {
            return null;
        }
        ReadProblem problem = records.problem();
        if (problem != null) {
            long rows = problem.rows() - 1 + remainingRows(records);
            sink.reject(new ReadProblem(source, problem.line(), problem.kind(), problem.message(), Math.max(1, rows)));
            return null;
        }
        List<String> names = records.fields().stream().map(String::strip).toList();
        Character needed = names.size() == 1 && options.delimiter() == null
                ? DelimiterHint.splittingNames(names.get(0), delimiter) : null;
        if (needed != null) {
            sink.reject(new ReadProblem(source, records.line(), "delimiter", "expected columns separated by "
                    + CharacterNames.quoted(delimiter) + " but found one column named '" + names.get(0)
                    + "'; the header looks separated by " + CharacterNames.quoted(needed)
                    + " (delimiter: " + CharacterNames.yaml(needed) + ")", Math.max(1, remainingRows(records))));
            return null;
        }
        return new Header(names);
    }

    /** Reads the rest of the file, counting the rows it would have given. */
    private static long remainingRows(DelimitedRecords records) throws IOException {
        long rows = 0;
        while (records.next()) {
            rows += records.problem() == null ? 1 : records.problem().rows();
        }
        return rows;
    }

    private void readRows(DelimitedRecords records, Header header, String source, String split, RowSink sink)
            throws IOException {
        ListColumn list = options.listColumn();
        int listIndex = list == null ? -1 : header.indexOf(list.column());
        while (records.next()) {
            if (records.problem() != null) {
                sink.reject(records.problem());
                continue;
            }
            List<String> fields = records.fields();
            if (fields.size() != header.size()) {
                sink.reject(new ReadProblem(source, records.line(), "field_count", fieldCountMessage(header, fields)));
                continue;
            }
            Object[] values = new Object[header.size()];
            boolean badBytes = false;
            for (int i = 0; i < values.length; i++) {
                String field = fields.get(i);
                badBytes |= field.indexOf(REPLACEMENT) >= 0;
                values[i] = options.trimValues() ? field.strip() : field;
            }
            if (badBytes) {
                sink.reject(new ReadProblem(source, records.line(), "encoding",
                        "expected UTF-8 text but found an invalid byte sequence"));
                continue;
            }
            if (listIndex >= 0) {
                values[listIndex] = list.split((String) values[listIndex]);
            }
            sink.accept(new Row(header, values, split, source, records.line()));
        }
    }

    private String fieldCountMessage(Header header, List<String> fields) {
        String perName = declaredHeader != null ? ", one per name of header: in the rules file," : "";
        Character needed = DelimiterHint.splittingInto(String.join(String.valueOf(delimiter), fields), delimiter,
                header.size());
        if (needed == null) {
            return "expected " + header.size() + " fields" + perName + " but found " + fields.size();
        }
        return "expected " + header.size() + " fields separated by " + CharacterNames.quoted(delimiter) + perName
                + " but found " + fields.size() + "; the line looks separated by " + CharacterNames.quoted(needed)
                + " (delimiter: " + CharacterNames.yaml(needed) + ")";
    }
}
