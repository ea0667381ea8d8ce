package dev.driftwatch.engine.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.profile.SnapshotProfile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every reader reports the physical lines of its file as awk counts them ({@code awk 'END {print NR}'}): line ends,
 * plus a last line without one; blank lines, header rows and the lines inside quoted fields included.
 */
class PhysicalLinesTest {
    /** Lines counted apart from the readers: the parts between line ends (CR LF, CR or LF), less an empty last part. */
    private static long awkLines(String text) {
        String[] parts = text.split("\r\n|\r|\n", -1);
        return parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length;
    }

    private static long linesOf(Format format, String text) throws IOException {
        RecordedRead read = RecordedRead.of(format.reader(), text.getBytes(StandardCharsets.UTF_8), "f", "all");
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).hasSize(2);
        assertThat(read.lines()).hasSize(1);
        return read.lines().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CSV   | id,text\\n1,a\\n\\n2,\"b\\nc\"\\n",
            "CSV   | id,text\\r\\n1,a\\r\\n2,b",
            "TSV   | id\\ttext\\n1\\t\"a\\n\\n2\\tb\\n\\n",
            "JSONL | {\"id\":1}\\n\\n{\"id\":2}\\n",
            "JSONL | {\"id\":1}\\r\\n{\"id\":2}",
            "JSON  | [\\n  {\"id\": 1},\\n\\n  {\"id\": 2}\\n]\\n",
            "JSON  | [{\"id\": 1},\\r\\n {\"id\": 2}]",
            "JSON  | [{\"id\": 1}, {\"id\": 2}]\\n\\n\\n",
    })
    void everyFormatCountsLinesAsAwkDoes(Format format, String escaped) throws IOException {
        String text = escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
        assertThat(linesOf(format, text)).as(escaped).isEqualTo(awkLines(text));
    }

    @Test
    void theProfileOfARealFileSaysItsLines() throws URISyntaxException {
        // awk 'END {print NR}' diabetes.csv -> 769 (a header and 768 rows, CR LF, no line end after the last row;
        // wc -l says 768); projects.json is one line holding an array of 2,032 objects (awk -> 1)
        Path pima = Path.of(PhysicalLinesTest.class.getResource("/datasets/pima/diabetes.csv").toURI());
        SnapshotProfile csv = Corpora.profile(Corpora.dataset(Format.CSV, ReadOptions.AS_WRITTEN, ColumnRoles.none(), 0),
                Corpora.snapshot("pima", Format.CSV, pima), row -> { });
        assertThat(csv.reads().linesRead()).isEqualTo(769);
        assertThat(csv.reads().rowsRead()).isEqualTo(768);
        Path projects = Path.of(PhysicalLinesTest.class.getResource("/datasets/madewithml-s01/projects.json").toURI());
        SnapshotProfile json = Corpora.profile(Corpora.dataset(Format.JSON, ReadOptions.AS_WRITTEN, ColumnRoles.none(), 0),
                Corpora.snapshot("mwml", Format.JSON, projects), row -> { });
        assertThat(json.reads().linesRead()).isEqualTo(1);
        assertThat(json.reads().rowsRead()).isEqualTo(2032);
    }

    @Test
    void aJsonFileCutShortIsStillCountedToItsEnd() throws IOException {
        // the parser stops at the syntax error on line 3; the reader reads on to count all 6 lines
        String text = "[\n{\"id\": 1},\n{\"id\": ,},\n{\"id\": 3},\n{\"id\": 4}\n]\n";
        RecordedRead read = RecordedRead.of(Format.JSON.reader(), text.getBytes(StandardCharsets.UTF_8), "f", "all");
        assertThat(read.rows()).hasSize(1);
        assertThat(read.problems()).extracting(ReadProblem::line).containsExactly(3L);
        assertThat(read.lines()).containsExactly(awkLines(text));
        assertThat(awkLines(text)).isEqualTo(6);
    }
}
