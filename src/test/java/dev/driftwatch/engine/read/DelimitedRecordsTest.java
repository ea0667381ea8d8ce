package dev.driftwatch.engine.read;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The record scanner of csv/tsv: quoting exactly as FastCSV reads it (FastCSV is the independent oracle here), no
 * quoting at all when told so, physical lines counted as awk counts them, and fields past the limits or quotes never
 * closed reported with the lines they cost.
 */
class DelimitedRecordsTest {
    /** A record as the scanner gave it: start line, fields or problem. */
    record Scanned(long line, List<String> fields, ReadProblem problem) {
    }

    private static List<Scanned> scan(String text, char delimiter, int quote, FieldLimits limits, long[] lines)
            throws IOException {
        var records = new DelimitedRecords(new StringReader(text), "f", delimiter, quote, limits, ReadLimits.DEFAULT.maxColumns());
        List<Scanned> scanned = new ArrayList<>();
        while (records.next()) {
            scanned.add(new Scanned(records.line(), List.copyOf(records.fields()), records.problem()));
        }
        lines[0] = records.physicalLines();
        return scanned;
    }

    private static List<Scanned> fastCsv(String text, char delimiter) {
        List<Scanned> records = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(delimiter).ofCsvRecord(text)) {
            for (CsvRecord record : csv) {
                records.add(new Scanned(record.getStartingLineNumber(), record.getFields(), null));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return records;
    }

    /** Physical lines counted apart from the scanner: line ends (CR LF as one), plus a last line without one. */
    private static long awkLines(String text) {
        String[] parts = text.split("\r\n|\r|\n", -1);
        return parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a,b\n1,2\n",
            "a,b\r\n1,2\r\n3,4",
            "a,b\r1,2\r",
            "id,text\n1,\"two\nlines\"\n2,b\n",
            "x,\"a \"\"quoted\"\" word\",y\n",
            "x,\"ab\"cd,y\n",
            "x,ab\"cd\"\n",
            "x,\"\",\n,\n",
            "\n\na,b\n\n\n1,2\n\n",
            "a;b\n\"1;2\",3\n",
            "only\n",
            "\"a\r\nb\",c\r\n",
            "  \"lead\",x\n",
    })
    void quotedFieldsAreReadAsFastCsvReadsThem(String text) throws IOException {
        long[] lines = new long[1];
        List<Scanned> ours = scan(text, ',', '"', FieldLimits.DEFAULT, lines);
        assertThat(ours).isEqualTo(fastCsv(text, ','));
        assertThat(lines[0]).isEqualTo(awkLines(text));
    }

    @Test
    void randomTextsAreSplitAsFastCsvSplitsThem() throws IOException {
        var random = new Random(7);
        // no lone CR: FastCSV 3.7.0 loses a record whose quoted field holds one (see the test below)
        String[] alphabet = {"a", "b", ",", "\"", "\"", "\n", "\r\n", " ", ";"};
        for (int n = 0; n < 3_000; n++) {
            var text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            long[] lines = new long[1];
            List<Scanned> ours = scan(text.toString(), ',', '"', FieldLimits.DEFAULT, lines);
            List<Scanned> theirs = fastCsv(text.toString(), ',');
            assertThat(lines[0]).as(text.toString()).isEqualTo(awkLines(text.toString()));
            assertThat(ours).as(text.toString()).hasSameSizeAs(theirs);
            for (int i = 0; i < ours.size(); i++) {
                Scanned record = ours.get(i);
                if (record.problem() != null) {
                    // only a quote still open at the end differs: FastCSV makes it a field and says nothing
                    assertThat(record.problem().kind()).isEqualTo("unclosed_quote");
                    assertThat(i).isEqualTo(ours.size() - 1);
                    assertThat(record.line()).isEqualTo(theirs.get(i).line());
                } else {
                    assertThat(record).as(text.toString()).isEqualTo(theirs.get(i));
                }
            }
        }
    }

    @Test
    void aLongRandomTextIsSplitAsFastCsvSplitsItAcrossBufferBoundaries() throws IOException {
        var random = new Random(11);
        String[] alphabet = {"word ", "é", "\uD83D\uDE00", ",", ",", "\"", "\n", "\r\n", "x"};
        var text = new StringBuilder();
        while (text.length() < 600_000) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        text.append("\"\n");
        long[] lines = new long[1];
        List<Scanned> ours = scan(text.toString(), ',', '"', new FieldLimits(1_000_000, 1L << 40), lines);
        List<Scanned> theirs = fastCsv(text.toString(), ',');
        assertThat(lines[0]).isEqualTo(awkLines(text.toString()));
        assertThat(ours).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            if (ours.get(i).problem() == null) {
                assertThat(ours.get(i)).isEqualTo(theirs.get(i));
            } else {
                assertThat(i).isEqualTo(ours.size() - 1);
            }
        }
        assertThat(ours.size()).isGreaterThan(1_000);
    }

    @Test
    void aCarriageReturnInsideQuotesStaysInItsFieldAndEndsALine() throws IOException {
        // python3: csv.reader(io.StringIO(t, newline='')) gives ['1', 'x\ry'] ending at line 3, then ['2', 'b'] at 4;
        // FastCSV 3.7.0 gives [1, 2, b] at line 2: the quoted value is lost and two records become one
        String text = "id,text\n1,\"x\ry\"\n2,b\n";
        long[] lines = new long[1];
        assertThat(scan(text, ',', '"', FieldLimits.DEFAULT, lines)).containsExactly(
                new Scanned(1, List.of("id", "text"), null),
                new Scanned(2, List.of("1", "x\ry"), null),
                new Scanned(4, List.of("2", "b"), null));
        assertThat(lines[0]).isEqualTo(4);
    }

    @Test
    void withoutQuotingEveryDelimiterSplitsAndQuotesAreText() throws IOException {
        long[] lines = new long[1];
        List<Scanned> records = scan("ham\t\"Hello\nham\tok \"lor\"\nspam\t\"a\tb\"\n", '\t', -1, FieldLimits.DEFAULT, lines);
        assertThat(records).containsExactly(
                new Scanned(1, List.of("ham", "\"Hello"), null),
                new Scanned(2, List.of("ham", "ok \"lor\""), null),
                new Scanned(3, List.of("spam", "\"a", "b\""), null));
        assertThat(lines[0]).isEqualTo(3);
    }

    @Test
    void aQuotedFieldOverTheLineLimitCostsEveryLineItSpansAndReadingGoesOn() throws IOException {
        // lines 2 to 6 are one record: the quote opened on line 2 closes on line 6, so 5 lines with a limit of 4
        String text = "a,b\n1,\"x\n2,y\n3,z\n4,w\n5\",v\n6,u\n";
        long[] lines = new long[1];
        List<Scanned> records = scan(text, ',', '"', new FieldLimits(4, 1000), lines);
        assertThat(records).extracting(Scanned::line).containsExactly(1L, 2L, 7L);
        ReadProblem problem = records.get(1).problem();
        assertThat(problem).isEqualTo(new ReadProblem("f", 2, "long_field",
                "expected a quoted field of at most 4 lines (max_field_lines) but found one of 5 lines", 5));
        assertThat(records.get(2).fields()).containsExactly("6", "u");
        assertThat(lines[0]).isEqualTo(7);
        // with a limit of 5 the same record is read, as one row of 5 lines
        assertThat(scan(text, ',', '"', new FieldLimits(5, 1000), lines).get(1).fields())
                .containsExactly("1", "x\n2,y\n3,z\n4,w\n5", "v");
    }

    @Test
    void aFieldOverTheByteLimitIsAProblemQuotedOrNot() throws IOException {
        // "é" is 2 bytes in UTF-8: "aéé" is 5 bytes, the quoted "ab""c" holds ab"c, 4 bytes
        String text = "aéé,x\n\"ab\"\"c\",y\nabc,z\n";
        List<Scanned> records = scan(text, ',', '"', new FieldLimits(100, 3), new long[1]);
        assertThat(records).extracting(Scanned::problem).containsExactly(
                new ReadProblem("f", 1, "long_field", "expected a field of at most 3 bytes (max_field_bytes) but found one of 5 bytes", 1),
                new ReadProblem("f", 2, "long_field", "expected a field of at most 3 bytes (max_field_bytes) but found one of 4 bytes", 1),
                null);
    }

    @Test
    void aQuoteStillOpenAtTheEndOfTheFileCostsTheLinesFromWhereItOpened() throws IOException {
        long[] lines = new long[1];
        List<Scanned> records = scan("a,b\n1,2\n3,\"never\nclosed\n4,5\n", ',', '"', FieldLimits.DEFAULT, lines);
        assertThat(records.get(2).problem()).isEqualTo(new ReadProblem("f", 3, "unclosed_quote",
                "expected a closing '\"' but found the end of the file; the quoted field that opens here spans 3 lines", 3));
        assertThat(lines[0]).isEqualTo(5);
        List<Scanned> lastLine = scan("a,b\n1,\"x", ',', '"', FieldLimits.DEFAULT, lines);
        assertThat(lastLine.get(1).problem()).isEqualTo(new ReadProblem("f", 2, "unclosed_quote",
                "expected a closing '\"' but found the end of the file; the quoted field that opens here spans 1 line", 1));
        assertThat(lines[0]).isEqualTo(2);
    }

    @Test
    void aByteOrderMarkIsDroppedAndBlankLinesAreLinesButNotRecords() throws IOException {
        long[] lines = new long[1];
        List<Scanned> records = scan("\uFEFFa,b\n\n1,2\n\n", ',', '"', FieldLimits.DEFAULT, lines);
        assertThat(records).containsExactly(new Scanned(1, List.of("a", "b"), null), new Scanned(3, List.of("1", "2"), null));
        assertThat(lines[0]).isEqualTo(4);
    }

    @Test
    void aLongFileIsReadAcrossBufferBoundaries() throws IOException {
        var text = new StringBuilder("id,text\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(i % 7 == 0 ? ",\"a, \"\"b\"\"\r\nc\"\r\n" : ",plain text\r\n");
        }
        long[] lines = new long[1];
        assertThat(scan(text.toString(), ',', '"', FieldLimits.DEFAULT, lines)).isEqualTo(fastCsv(text.toString(), ','));
        // 1 header line, 20,000 records, of which 2,858 (i % 7 == 0 for i < 20,000) span 2 lines
        assertThat(lines[0]).isEqualTo(1 + 20_000 + 2_858);
    }
}
