package dev.driftwatch.engine.read;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into records of fields, one record at a time, and counts physical lines as it goes.
 * Quoting follows RFC 4180 as FastCSV reads it: a quote opens a quoted field only as the field's first character,
 * a doubled quote inside it is one quote, characters after the closing quote stay in the field, and line breaks
 * (LF, CR LF, CR) inside quotes stay in the value. Empty lines are skipped; a byte order mark is dropped.
 *
 * <p>A record becomes a {@link #problem()} instead of fields when a quoted field spans more physical lines than
 * {@link FieldLimits#maxLines()}, a field holds more UTF-8 bytes than {@link FieldLimits#maxBytes()}, or a quote is
 * still open at the end of the text. The problem is placed at the line where the field began and costs every line
 * the record spans; reading goes on after the record. A record of more fields than {@link ReadLimits#maxColumns()}
 * is a problem too, and only that many of its fields are kept. Memory stays within the limits: the scanner keeps reading a
 * runaway field to its end but no longer stores it.
 *
 * <p>Why not FastCSV (3.7.0, in the pom): its {@code quoteCharacter(char)} cannot turn quoting off, which tsv needs
 * (IANA text/tab-separated-values has no quotes); it makes a quote still open at the end of the input into an
 * ordinary last field without telling the caller; it bounds a field only through {@code maxBufferSize}, whose
 * exception leaves the reader unable to go on; it does not say how many lines a record spans; and a lone CR inside a
 * quoted field of an LF file makes it drop that field and join the record to the next one. Each of these loses rows
 * silently, so this class does the splitting itself, with FastCSV's semantics for quotes (DelimitedRecordsTest
 * compares the two on thousands of random texts).
 *
 * <p>Not thread-safe; one instance per file.
 */
final class DelimitedRecords {
    private static final int END = -1;
    private final Reader in;
    private final String source;
    private final char delimiter;
    private final int quote;
    private final FieldLimits limits;
    private final int maxFields;
    private int fieldCount;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int length;
    private boolean started;
    private long lineBreaks;
    private boolean textAfterBreak;
    private final List<String> fields = new ArrayList<>();
    private final FieldText text;
    private long fieldLine;
    private long recordLine;
    private ReadProblem problem;
    private String problemKind;
    private String problemMessage;
    private long problemLine;

    /**
     * @param quote the quote character, or -1 when fields are not quoted
     */
    DelimitedRecords(Reader in, String source, char delimiter, int quote, FieldLimits limits, int maxFields) {
        this.in = in;
        this.maxFields = maxFields;
        this.source = source;
        this.delimiter = delimiter;
        this.quote = quote;
        this.limits = limits;
        this.text = new FieldText(buffer, limits.maxBytes());
    }

    /** Moves to the next record; false at the end of the text. */
    boolean next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                position++;
                textAfterBreak = true;
            }
        }
        int c;
        while ((c = peek()) == '\n' || c == '\r') {
            takeLineBreak((char) c, false);
        }
        if (c == END) {
            return false;
        }
        recordLine = lineBreaks + 1;
        fields.clear();
        fieldCount = 0;
        problem = null;
        problemKind = null;
        readField();
        while ((c = peek()) == delimiter) {
            position++;
            textAfterBreak = true;
            readField();
        }
        long lines = physicalLines() - recordLine + 1;
        if (c != END) {
            takeLineBreak((char) c, false);
        }
        if (fieldCount > maxFields) {
            problemKind = "columns";
            problemMessage = "expected at most " + maxFields + " columns (max_columns) but found a record of "
                    + fieldCount + " fields";
            problemLine = recordLine;
        }
        if (problemKind != null) {
            problem = new ReadProblem(source, problemLine, problemKind, problemMessage, lines);
        }
        return true;
    }

    /** The line the current record starts on (1-based). */
    long line() {
        return recordLine;
    }

    /** The fields of the current record; valid until {@link #next()}. Empty when there is a {@link #problem()}. */
    List<String> fields() {
        return problem == null ? fields : List.of();
    }

    /** Why the current record could not be read, with the rows it costs; null when it was read. */
    ReadProblem problem() {
        return problem;
    }

    /** The physical lines met so far: line ends, plus a last line that has text but no end yet. */
    long physicalLines() {
        return lineBreaks + (textAfterBreak ? 1 : 0);
    }

    private void readField() throws IOException {
        text.clear();
        fieldLine = lineBreaks + 1;
        if (quote != END && peek() == quote) {
            position++;
            textAfterBreak = true;
            readQuoted();
        } else {
            readPlain();
            if (text.tooLong()) {
                tooLong();
            }
        }
        fieldCount++;
        if (fieldCount <= maxFields) {
            fields.add(text.value());
        }
    }

    private void readPlain() throws IOException {
        while (position < length || fill()) {
            int start = position;
            long extraBytes = 0;
            while (position < length) {
                char c = buffer[position];
                if (c == delimiter || c == '\n' || c == '\r') {
                    break;
                }
                if (c >= 0x80) {
                    extraBytes += FieldText.extraBytes(c);
                }
                position++;
            }
            if (position > start) {
                textAfterBreak = true;
                text.add(start, position - start, extraBytes);
            }
            if (position < length) {
                return;
            }
        }
    }

    /** Reads a quoted field after its opening quote, up to the delimiter or line end that follows the closing quote. */
    private void readQuoted() throws IOException {
        boolean open = true;
        while (true) {
            int c = peek();
            if (c == END) {
                if (open) {
                    long lines = physicalLines() - fieldLine + 1;
                    problem("unclosed_quote", "expected a closing " + CharacterNames.quoted((char) quote)
                            + " but found the end of the file; the quoted field that opens here spans " + lines
                            + (lines == 1 ? " line" : " lines"));
                    return;
                }
                break;
            }
            if (open && c == quote) {
                position++;
                textAfterBreak = true;
                open = false;
            } else if (open && (c == '\n' || c == '\r')) {
                takeLineBreak((char) c, true);
                if (lineBreaks + 1 - fieldLine + 1 > limits.maxLines()) {
                    text.drop();
                }
            } else if (open) {
                readQuotedRun();
            } else if (c == delimiter || c == '\n' || c == '\r') {
                break;
            } else {
                // a doubled quote, or text after the closing quote: both stay in the field, a quote reopens it
                position++;
                textAfterBreak = true;
                text.add((char) c);
                open = c == quote;
            }
        }
        long lines = lineBreaks + 1 - fieldLine + 1;
        if (lines > limits.maxLines()) {
            problem("long_field", "expected a quoted field of at most " + limits.maxLines()
                    + " lines (max_field_lines) but found one of " + lines + " lines");
        } else if (text.tooLong()) {
            tooLong();
        }
    }

    /** Reads quoted text up to the next quote or line break. */
    private void readQuotedRun() {
        int start = position;
        long extraBytes = 0;
        while (position < length) {
            char c = buffer[position];
            if (c == quote || c == '\n' || c == '\r') {
                break;
            }
            if (c >= 0x80) {
                extraBytes += FieldText.extraBytes(c);
            }
            position++;
        }
        textAfterBreak = true;
        text.add(start, position - start, extraBytes);
    }

    private void tooLong() {
        problem("long_field", "expected a field of at most " + limits.maxBytes() + " bytes (max_field_bytes) but found one of "
                + text.bytes() + " bytes");
    }

    private void problem(String kind, String message) {
        if (problemKind == null) {
            problemKind = kind;
            problemMessage = message;
            problemLine = fieldLine;
        }
        text.drop();
    }

    /** Consumes a line end (CR LF as one), keeping its characters in the field when it lies inside quotes. */
    private void takeLineBreak(char c, boolean inField) throws IOException {
        position++;
        if (inField) {
            text.add(c);
        }
        if (c == '\r' && peek() == '\n') {
            position++;
            if (inField) {
                text.add('\n');
            }
        }
        lineBreaks++;
        textAfterBreak = false;
    }

    private int peek() throws IOException {
        return position < length || fill() ? buffer[position] : END;
    }

    private boolean fill() throws IOException {
        text.copyRange();
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        position = 0;
        length = Math.max(read, 0);
        return read > 0;
    }
}
