package dev.driftwatch.engine.rule.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.history.MetricKey;
import dev.driftwatch.engine.history.ProfileHistory;
import dev.driftwatch.engine.history.ProfileMetric;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SnapshotProfile;
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
 * {@code metric: drift_distance} through the real loader, profiler and evaluator. Snapshots of 100 rows hold a
 * number {@code grade} (1 or 2) and a category {@code kind} (a or b); {@code ones} rows have grade 1 and kind a.
 * Expected distances: between two such snapshots both the KS D of grade and the total variation distance of kind
 * are |ones1 - ones2| / 100, as SciPy says of the first, e.g.
 * {@code scipy.stats.ks_2samp([1]*48+[2]*52, [1]*50+[2]*50).statistic == 0.02}.
 */
class DriftDistanceAnomalyTest {
    private static final int[] ONES = {50, 50, 48, 50, 49};

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(RuleFixture.NOW, ZoneOffset.UTC);

    private RulesFile rules(String reference, String rule) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "dataset: d\nsource: snapshots\nlayout: folder_per_snapshot\nreference: " + reference
                + "\ncolumns: {numeric: [grade], categorical: [kind]}\nrules:\n  - " + rule + "\n");
        return new RulesFileLoader().load(file);
    }

    private Snapshot snapshot(RulesFile rules, String id, int ones) throws IOException {
        StringBuilder csv = new StringBuilder("grade,kind\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i < ones ? "1,a\n" : "2,b\n");
        }
        Path folder = dir.resolve("snapshots").resolve(id);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("data.csv"), csv);
        return new SnapshotDiscovery(clock).snapshotAt(rules.dataset(), folder).orElseThrow();
    }

    private ProfileHistory history(RulesFile rules, SnapshotEvaluator evaluator) throws IOException {
        List<ProfileHistory.Entry> entries = new ArrayList<>();
        for (int i = 0; i < ONES.length; i++) {
            Snapshot s = snapshot(rules, "s" + i, ONES[i]);
            entries.add(new ProfileHistory.Entry(s.id(), Instant.parse("2026-11-01T00:00:00Z").plusSeconds(86400L * i),
                    evaluator.profile(rules.dataset(), rules.rules(), s)));
        }
        return new ProfileHistory(entries);
    }

    @Test
    void eachEarlierSnapshotIsMeasuredAgainstTheOneBeforeIt() throws IOException {
        RulesFile rules = rules("previous", "{name: d, kind: anomaly, metric: drift_distance, column: grade,"
                + " strategy: absolute_change, max_increase: 0.1}");
        ProfileHistory history = history(rules, new SnapshotEvaluator(new Profiler(), clock));
        for (String column : List.of("grade", "kind")) {
            var points = history.history(new MetricKey(ProfileMetric.DRIFT_DISTANCE, null, column, null)).points();
            assertThat(points).extracting(p -> p.snapshotId()).containsExactly("s1", "s2", "s3", "s4");
            assertThat(points).extracting(p -> p.value()).as(column).usingElementComparator((a, b) ->
                    Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b)).containsExactly(0.0, 0.02, 0.02, 0.01);
        }
    }

    @Test
    void aSuddenMoveAgainstThePreviousSnapshotFailsWithTheHistoryAsEvidence() throws IOException {
        RulesFile rules = rules("previous", "{name: d, kind: anomaly, severity: error, metric: drift_distance,"
                + " column: grade, strategy: absolute_change, max_increase: 0.1, min_history: 4}");
        var evaluator = new SnapshotEvaluator(new Profiler(), clock);
        ProfileHistory history = history(rules, evaluator);
        SnapshotProfile previous = history.profiles().get(ONES.length - 1).profile();
        Snapshot current = snapshot(rules, "now", 20);

        RuleResult result = evaluator.evaluate(rules.dataset(), rules.rules(), current,
                Optional.of(new SnapshotEvaluator.Reference("s4", previous)), ColumnRequirement.NONE, history).results().get(0);

        // against s4 (49 ones): |0.49 - 0.20| = 0.29; expected at most the last distance 0.01 + 0.1
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.observed()).isEqualTo(0.29, within(1e-12));
        assertThat(result.expected().upper()).isEqualTo(0.11, within(1e-12));
        assertThat(result.evidence()).hasSize(4);
    }

    @Test
    void aFirstSnapshotIsSkippedAndAnotherReferenceIsAnError() throws IOException {
        var evaluator = new SnapshotEvaluator(new Profiler(), clock);
        RulesFile previous = rules("previous", "{name: d, kind: anomaly, metric: drift_distance, column: grade,"
                + " strategy: z_score}");
        RuleResult first = evaluator.evaluate(previous.dataset(), previous.rules(), snapshot(previous, "first", 50),
                Optional.empty(), ColumnRequirement.NONE, new ProfileHistory(List.of())).results().get(0);
        assertThat(first.status()).isEqualTo(Status.SKIPPED);
        assertThat(first.message()).startsWith("no snapshot before this one to measure drift_distance of grade");

        RulesFile baseline = rules("{baseline: s0}", "{name: d, kind: anomaly, metric: drift_distance, column: grade,"
                + " strategy: z_score}");
        RuleResult refused = evaluator.evaluate(baseline.dataset(), baseline.rules(), snapshot(baseline, "other", 50),
                Optional.empty(), ColumnRequirement.NONE, new ProfileHistory(List.of())).results().get(0);
        assertThat(refused.status()).isEqualTo(Status.ERROR);
        assertThat(refused.message()).contains("needs reference: previous, but the dataset's reference is baseline");
    }
}
