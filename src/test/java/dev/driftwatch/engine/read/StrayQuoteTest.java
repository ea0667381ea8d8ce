package dev.driftwatch.engine.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.snapshot.SnapshotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A csv (label,message, header row, 5,574 messages) where one hand-written line opens a quote it never closes: the
 * lines the quote swallows are counted as lost rows, so the snapshot fails its bad-row share instead of losing them
 * silently; a quote still open at the end of the file likewise.
 */
class StrayQuoteTest {
    private static final Path CSV = Corpora.resource("sms-like-stray-quote.csv.gz");

    @TempDir
    Path folder;

    private static SnapshotProfile profile(Path file, ReadOptions options, double maxBadRowShare) {
        DatasetDefinition dataset = Corpora.dataset(Format.CSV, options, Corpora.labelled("label", "message"), maxBadRowShare);
        return Corpora.profile(dataset, Corpora.snapshot("sms-csv", Format.CSV, file), row -> { });
    }

    @Test
    void aStrayQuoteThatSwallows801LinesFailsTheShare() {
        // zcat sms-like-stray-quote.csv.gz | awk 'END {print NR}' -> 5575 (a header and 5,574 messages)
        // python3: csv.reader gives 4,775 records; the one of line 1000 spans 801 lines (to 1800) and has 3 fields
        assertThat(Corpora.lines(Corpora.text(CSV))).hasSize(5575);
        assertThatThrownBy(() -> profile(CSV, ReadOptions.AS_WRITTEN, 0.01)).isInstanceOf(SnapshotException.class)
                .hasMessage("801 of 5574 rows of snapshot sms-csv could not be read (more than the allowed 1.0%); first"
                        + " problem: sms-like-stray-quote.csv.gz:1000: expected a quoted field of at most 100 lines"
                        + " (max_field_lines) but found one of 801 lines");
        SnapshotProfile profile = profile(CSV, ReadOptions.AS_WRITTEN, 0.5);
        // 4,775 records less the header and the rejected one
        assertThat(profile.reads().rowsRead()).isEqualTo(4773);
        assertThat(profile.reads().rowsRejected()).isEqualTo(801);
        assertThat(profile.reads().linesRead()).isEqualTo(5575);
        assertThat(profile.reads().examples()).singleElement().extracting(ReadProblem::line, ReadProblem::rows)
                .containsExactly(1000L, 801L);
    }

    @Test
    void withoutTheLimitTheSameQuoteWouldCostOneRowFor801Lines() {
        // the limit raised past the run: the record is read, and only its field count (3 of 2) rejects it
        SnapshotProfile profile = profile(CSV, ReadOptions.AS_WRITTEN.withFieldLimits(new FieldLimits(1000, 1 << 20)), 0.01);
        assertThat(profile.reads().rowsRead()).isEqualTo(4773);
        assertThat(profile.reads().rowsRejected()).isEqualTo(1);
        assertThat(profile.reads().byKind()).isEqualTo(Map.of("field_count", 1L));
        assertThat(profile.reads().linesRead()).isEqualTo(5575);
    }

    @Test
    void aQuoteStillOpenAtTheEndOfTheFileCostsEveryLineFromWhereItOpened() throws IOException {
        // the file cut after line 1799, before the quote that closed the stray one:
        // python3: csv.reader(f, strict=True) -> "unexpected end of data"; without strict: 1,000 records, the last one
        // from line 1000 to the end (800 lines)
        List<String> lines = Corpora.lines(Corpora.text(CSV)).subList(0, 1799);
        Path cut = folder.resolve("cut.csv");
        Files.writeString(cut, String.join("\n", lines) + "\n");
        SnapshotProfile profile = profile(cut, ReadOptions.AS_WRITTEN, 0.5);
        assertThat(profile.reads().rowsRead()).isEqualTo(998);
        assertThat(profile.reads().rowsRejected()).isEqualTo(800);
        assertThat(profile.reads().linesRead()).isEqualTo(1799);
        assertThat(profile.reads().examples()).containsExactly(new ReadProblem("cut.csv", 1000, "unclosed_quote",
                "expected a closing '\"' but found the end of the file; the quoted field that opens here spans 800 lines", 800));
    }
}
