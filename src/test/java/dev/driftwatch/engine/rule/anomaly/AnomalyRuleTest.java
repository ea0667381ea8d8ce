package dev.driftwatch.engine.rule.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.history.ProfileHistory;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.ExpectedRange;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.ColumnRequirement;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anomaly rule through the real loader, profiler and evaluator: earlier snapshots are profiled, given as a
 * {@link ProfileHistory}, and the newest is judged. Row counts are the snapshots' own (written here); the ranges
 * follow from them by {@link AnomalyStrategiesTest}'s Python script (LEVEL series).
 */
class AnomalyRuleTest {
    private static final int[] ROWS = {1000, 1012, 995, 1003, 990, 1008, 997, 1005, 1001, 994, 1010, 999};

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(RuleFixture.NOW, ZoneOffset.UTC);

    private RulesFile rules(String rule) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "dataset: d\nsource: snapshots\nlayout: folder_per_snapshot\nrules:\n  - " + rule + "\n");
        return new RulesFileLoader().load(file);
    }

    private Snapshot snapshot(RulesFile rules, String id, int rows, int missingAges) throws IOException {
        StringBuilder csv = new StringBuilder("id,age\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(',').append(i < missingAges ? "" : String.valueOf(20 + i % 50)).append('\n');
        }
        Path folder = dir.resolve("snapshots").resolve(id);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("data.csv"), csv);
        return new SnapshotDiscovery(clock).snapshotAt(rules.dataset(), folder).orElseThrow();
    }

    private List<RuleResult> judge(String rule, int currentRows, int earlier) throws IOException {
        RulesFile rules = rules(rule);
        var evaluator = new SnapshotEvaluator(new Profiler(), clock);
        List<ProfileHistory.Entry> entries = new ArrayList<>();
        for (int i = 0; i < earlier; i++) {
            Snapshot s = snapshot(rules, String.format("s%02d", i), ROWS[i], ROWS[i] / 10);
            entries.add(new ProfileHistory.Entry(s.id(), Instant.parse("2026-11-01T00:00:00Z").plusSeconds(86400L * i),
                    evaluator.profile(rules.dataset(), rules.rules(), s)));
        }
        Snapshot current = snapshot(rules, "now", currentRows, currentRows / 5);
        return evaluator.evaluate(rules.dataset(), rules.rules(), current, Optional.empty(), ColumnRequirement.NONE,
                new ProfileHistory(entries)).results();
    }

    @Test
    void aLevelShiftInRowsFailsWithItsExpectedRangeAndTheHistoryAsEvidence() throws IOException {
        RuleResult result = judge("{name: rows, kind: anomaly, severity: error, metric: row_count, strategy: z_score}", 1300, 12)
                .get(0);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.observed()).isEqualTo(1300.0);
        assertThat(result.expected().lower()).isEqualTo(784.5440301918838, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(result.expected().upper()).isEqualTo(1263.7636621158085, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(result.threshold()).isEqualTo(result.expected().upper());
        assertThat(result.message()).isEqualTo("row_count in all is 1300; z_score over 12 earlier snapshots expected"
                + " between 784.544 and 1263.76.");
        assertThat(result.evidence()).hasSize(12).first().isEqualTo(new Evidence("s00", 0, null,
                java.util.Map.of("time", "2026-11-01T00:00:00Z", "value", "1000")));
    }

    @Test
    void aUsualRowCountPasses() throws IOException {
        RuleResult result = judge("{name: rows, kind: anomaly, metric: row_count, strategy: mad}", 1006, 12).get(0);
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.expected()).isNotNull();
    }

    @Test
    void withTooShortAHistoryTheResultIsSkippedNotAnError() throws IOException {
        RuleResult result = judge("{name: rows, kind: anomaly, metric: row_count, strategy: z_score, min_history: 5}", 1300, 4)
                .get(0);
        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.message()).isEqualTo("only 4 earlier values of row_count in all; 5 needed.");
    }

    @Test
    void aRiseOfTheMissingRatioBeyondHalfAgainFailsAsAWarning() throws IOException {
        // every earlier snapshot has rows/10 missing ages (integer division): the last, 999 rows, has 99 (0.099099...);
        // the current 1000 rows have 200 missing: 0.2 > 0.099099 × 1.5
        RuleResult result = judge("{name: missing-age, kind: anomaly, metric: missing_ratio, column: age,"
                + " strategy: relative_change, max_increase: 0.5}", 1000, 12).get(0);
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.observed()).isEqualTo(0.2);
        assertThat(result.expected()).isEqualTo(new ExpectedRange(Double.NEGATIVE_INFINITY, 99.0 / 999 * 1.5));
        assertThat(result.column()).isEqualTo("age");
    }

    @Test
    void aColumnTheSnapshotLacksIsAnError() throws IOException {
        RuleResult result = judge("{name: m, kind: anomaly, metric: mean, column: fare, strategy: z_score}", 1000, 6).get(0);
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.message()).isEqualTo("the snapshot has no mean of fare in all.");
    }
}
