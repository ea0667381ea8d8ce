package dev.driftwatch.engine.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tab-separated corpus shaped like the SMS Spam Collection (label TAB message, no header, 5,574 lines; some
 * messages open a quote they never close): tsv is read without quote processing, so every line is a row.
 */
class TsvWithoutQuotesTest {
    private static final Path SMS = Corpora.resource("sms-like.tsv.gz");
    private static final ReadOptions NO_HEADER = new ReadOptions(List.of("label", "message"), false);

    private static SnapshotProfile profile(ReadOptions options, double maxBadRowShare, List<Row> quoteLed) {
        DatasetDefinition dataset = Corpora.dataset(Format.TSV, options, Corpora.labelled("label", "message"), maxBadRowShare);
        Snapshot snapshot = Corpora.snapshot("sms", Format.TSV, SMS);
        return Corpora.profile(dataset, snapshot, row -> {
            if (row.text("message").startsWith("\"")) {
                quoteLed.add(row);
            }
        });
    }

    @Test
    void everyLineIsARowAndAMessageThatOpensAQuoteSwallowsNothing() {
        // zcat sms-like.tsv.gz | wc -l -> 5574; awk 'END {print NR}' -> 5574; awk -F'\t' 'NF != 2' | wc -l -> 0
        // awk -F'\t' '$1 == "spam"' | wc -l -> 747; awk -F'\t' 'substr($2, 1, 1) == "\"" {print NR}' -> 1000 1800 3000 3004 4000
        // the same figures recounted here with plain string splitting:
        List<String> lines = Corpora.lines(Corpora.text(SMS));
        long spam = lines.stream().filter(line -> line.startsWith("spam\t")).count();
        List<Long> quoteLedLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).split("\t", -1)[1].startsWith("\"")) {
                quoteLedLines.add(i + 1L);
            }
        }
        assertThat(lines).hasSize(5574);
        assertThat(spam).isEqualTo(747);
        assertThat(quoteLedLines).containsExactly(1000L, 1800L, 3000L, 3004L, 4000L);

        List<Row> quoteLed = new ArrayList<>();
        SnapshotProfile profile = profile(NO_HEADER, 0.01, quoteLed);
        assertThat(profile.reads().linesRead()).isEqualTo(lines.size());
        assertThat(profile.reads().rowsRead()).isEqualTo(lines.size());
        assertThat(profile.reads().rowsRejected()).isZero();
        assertThat(profile.split("all").orElseThrow().labels().orElseThrow().counts())
                .isEqualTo(Map.of("spam", spam, "ham", lines.size() - spam));
        assertThat(quoteLed).extracting(Row::line).isEqualTo(quoteLedLines);
        assertThat(quoteLed.get(0).text("message")).isEqualTo(lines.get(999).split("\t", -1)[1]);
    }

    @Test
    void withQuotesDeclaredTheStrayQuotesSwallowLinesAndTheLongRunFailsTheSnapshot() {
        // python3: csv.reader(f, delimiter='\t') gives 4,770 records in 5,574 lines; two span several lines:
        // from line 1000 to 1800 (801 lines, over the limit of 100) and from 3000 to 3004 (5 lines, within it)
        ReadOptions quoted = NO_HEADER.withQuote("\"");
        assertThatThrownBy(() -> profile(quoted, 0.01, new ArrayList<>())).isInstanceOf(SnapshotException.class)
                .hasMessage("801 of 5570 rows of snapshot sms could not be read (more than the allowed 1.0%); first problem: "
                        + "sms-like.tsv.gz:1000: expected a quoted field of at most 100 lines (max_field_lines) but found one of"
                        + " 801 lines");
        SnapshotProfile profile = profile(quoted, 0.5, new ArrayList<>());
        // 4,770 records less the rejected one; 801 lines lost with it; the 5-line record is one (wrong) row
        assertThat(profile.reads().rowsRead()).isEqualTo(4769);
        assertThat(profile.reads().rowsRejected()).isEqualTo(801);
        assertThat(profile.reads().byKind()).isEqualTo(Map.of("long_field", 801L));
        assertThat(profile.reads().linesRead()).isEqualTo(5574);
    }
}
