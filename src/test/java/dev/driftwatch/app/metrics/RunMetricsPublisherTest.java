package dev.driftwatch.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.events.DatasetCatalogChanged;
import dev.driftwatch.app.events.RunFinished;
import dev.driftwatch.engine.run.RunReport;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetricsPublisherTest {
    @TempDir
    Path tempDir;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RunMetricsPublisher publisher = new RunMetricsPublisher(registry);

    // Expected values from awk over the real file: pima-03.csv has 768 rows, 35 zeros in BloodPressure
    // (35/768 = 0.0455729...) and 227 zeros in SkinThickness (227/768 = 0.2955729...).
    @Test
    void theLatestRunOfPimaIsExposedWithHelpTextAndBoundedLabels() {
        RunReport report = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);
        publisher.onRunFinished(new RunFinished("pima", 7, "pima-03.csv", report, null, report.finishedAt()));

        String text = registry.scrape();
        assertThat(text).contains("# HELP driftwatch_rule_status State of each rule result of the latest run");
        assertThat(text).containsPattern("driftwatch_split_rows\\{dataset=\"pima\",split=\"[^\"]+\"} 768(\\.0)?\\n");
        assertThat(value(text, "driftwatch_column_missing_ratio", "column=\"BloodPressure\""))
                .isCloseTo(35.0 / 768, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(value(text, "driftwatch_rule_status", "rule=\"vitals-measured\"")).isEqualTo(2.0);
        assertThat(value(text, "driftwatch_rule_status", "rule=\"lab-values-measured\"")).isEqualTo(1.0);
        assertThat(value(text, "driftwatch_rule_observed", "rule=\"lab-values-measured\""))
                .isCloseTo(227.0 / 768, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(value(text, "driftwatch_rule_threshold", "rule=\"vitals-measured\"")).isEqualTo(0.04);
        assertThat(value(text, "driftwatch_run_status", "dataset=\"pima\"")).isEqualTo(2.0);
        assertThat(value(text, "driftwatch_runs_total", "outcome=\"succeeded\"")).isEqualTo(1.0);
        assertThat(value(text, "driftwatch_last_run_failed", "dataset=\"pima\"")).isEqualTo(0.0);
        assertThat(value(text, "driftwatch_last_success_timestamp_seconds", "dataset=\"pima\""))
                .isEqualTo(report.finishedAt().toEpochMilli() / 1000.0);
        assertThat(value(text, "driftwatch_snapshot_timestamp_seconds", "dataset=\"pima\""))
                .isEqualTo(report.snapshot().provenance().modifiedAt().toEpochMilli() / 1000.0);
        assertThat(text).contains("driftwatch_run_duration_seconds{dataset=\"pima\"}");
    }

    // python over pima-03.csv: 17 distinct Pregnancies, 136 distinct Glucose, no repeated row; its first three rows
    // appended again make three duplicate rows.
    @Test
    void distinctValuesPerColumnAndDuplicateRowsAreExposed() throws Exception {
        Path snapshots = java.nio.file.Files.createDirectories(tempDir.resolve("snapshots"));
        java.util.List<String> lines = java.nio.file.Files.readAllLines(PimaRuns.SNAPSHOTS.resolve("pima-03.csv"));
        java.util.List<String> withCopies = new java.util.ArrayList<>(lines);
        withCopies.addAll(lines.subList(1, 4));
        java.nio.file.Files.write(snapshots.resolve("pima-dup.csv"), withCopies);
        RunReport report = PimaRuns.evaluate(tempDir, snapshots, "pima-dup.csv", 0.04);
        publisher.onRunFinished(new RunFinished("pima", 3, "pima-dup.csv", report, null, report.finishedAt()));

        String text = registry.scrape();
        assertThat(text).contains("# HELP driftwatch_duplicate_rows Rows of the latest snapshot that repeat an earlier row");
        assertThat(value(text, "driftwatch_duplicate_rows", "dataset=\"pima\"")).isEqualTo(3.0);
        assertThat(value(text, "driftwatch_column_distinct", "column=\"Pregnancies\"")).isEqualTo(17.0);
        assertThat(value(text, "driftwatch_column_distinct", "column=\"Glucose\"")).isEqualTo(136.0);
        // python: Outcome has 500 zeros and 268 ones; the copied rows add a zero and two ones: 501 / 270
        assertThat(value(text, "driftwatch_label_imbalance_ratio", "column=\"Outcome\""))
                .isCloseTo(501.0 / 270, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(value(text, "driftwatch_class_rows", "class=\"0\"")).isEqualTo(501.0);
        assertThat(value(text, "driftwatch_class_rows", "class=\"1\"")).isEqualTo(270.0);
    }

    @Test
    void aNewerSnapshotReplacesTheValuesAndASnapshotNameThatIsGoneDisappears() {
        RunReport first = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);
        publisher.onRunFinished(new RunFinished("pima", 1, "pima-03.csv", first, null, first.finishedAt()));
        // pima-01.csv: 9 of 256 BloodPressure values are 0 (awk), 0.035 <= 0.04 passes.
        RunReport second = PimaRuns.evaluate(tempDir, "pima-01.csv", 0.04);
        publisher.onRunFinished(new RunFinished("pima", 2, "pima-01.csv", second, null, second.finishedAt()));

        String text = registry.scrape();
        assertThat(value(text, "driftwatch_rule_status", "rule=\"vitals-measured\"")).isEqualTo(0.0);
        assertThat(text).containsPattern("driftwatch_split_rows\\{[^}]*} 256(\\.0)?\\n");
        assertThat(value(text, "driftwatch_snapshot_timestamp_seconds", "dataset=\"pima\""))
                .isEqualTo(second.snapshot().provenance().modifiedAt().toEpochMilli() / 1000.0);
        assertThat(text).doesNotContain("snapshot=\"");
        assertThat(value(text, "driftwatch_runs_total", "outcome=\"succeeded\"")).isEqualTo(2.0);
    }

    @Test
    void aFailedRunKeepsTheSnapshotPictureAndFlagsTheFailure() {
        RunReport report = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);
        publisher.onRunFinished(new RunFinished("pima", 1, "pima-03.csv", report, null, report.finishedAt()));
        Instant later = report.finishedAt().plusSeconds(60);
        publisher.onRunFinished(new RunFinished("pima", 2, "pima-04.csv", null, "expected a header but found none", later));

        String text = registry.scrape();
        assertThat(value(text, "driftwatch_last_run_failed", "dataset=\"pima\"")).isEqualTo(1.0);
        assertThat(value(text, "driftwatch_last_run_timestamp_seconds", "dataset=\"pima\""))
                .isEqualTo(later.toEpochMilli() / 1000.0);
        assertThat(value(text, "driftwatch_runs_total", "outcome=\"failed\"")).isEqualTo(1.0);
        assertThat(value(text, "driftwatch_rule_status", "rule=\"vitals-measured\"")).isEqualTo(2.0);
    }

    @Test
    void seriesOfRemovedRulesAndDatasetsDisappearOnACatalogChange() {
        RunReport report = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);
        publisher.onRunFinished(new RunFinished("pima", 1, "pima-03.csv", report, null, report.finishedAt()));

        publisher.onCatalogChanged(new DatasetCatalogChanged(Map.of("pima", Set.of("vitals-measured"))));
        String afterRuleRemoved = registry.scrape();
        assertThat(afterRuleRemoved).contains("rule=\"vitals-measured\"").doesNotContain("lab-values-measured");
        assertThat(afterRuleRemoved).contains("driftwatch_split_rows{dataset=\"pima\"");

        publisher.onCatalogChanged(new DatasetCatalogChanged(Map.of("other", Set.of("x"))));
        assertThat(registry.scrape()).doesNotContain("dataset=\"pima\"");
    }

    @Test
    void runCountersStartAtZeroWhenADatasetIsDeclaredAndCarryOnFromTheStoredRuns() {
        publisher.onCatalogChanged(new DatasetCatalogChanged(Map.of("pima", Set.of("vitals-measured"))));
        String declared = registry.scrape();
        assertThat(value(declared, "driftwatch_runs_total", "outcome=\"succeeded\"")).isZero();
        assertThat(value(declared, "driftwatch_runs_total", "outcome=\"failed\"")).isZero();

        publisher.restoreRunCounts(Map.of("pima", Map.of("succeeded", 5L, "failed", 2L)));
        RunReport report = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);
        publisher.onRunFinished(new RunFinished("pima", 8, "pima-03.csv", report, null, report.finishedAt()));

        String text = registry.scrape();
        assertThat(value(text, "driftwatch_runs_total", "outcome=\"succeeded\"")).isEqualTo(6.0);
        assertThat(value(text, "driftwatch_runs_total", "outcome=\"failed\"")).isEqualTo(2.0);
    }

    @Test
    void aBrokenRulesFileKeepsTheLastResultsAndSaysSoAndAFixedOneSaysItIsValidAgain() {
        RunReport report = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);
        publisher.onRunFinished(new RunFinished("pima", 1, "pima-03.csv", report, null, report.finishedAt()));

        publisher.onCatalogChanged(new DatasetCatalogChanged(Map.of(), Map.of("pima", "/rules/pima.yaml"), Set.of("pima")));
        String broken = registry.scrape();
        assertThat(value(broken, "driftwatch_rules_file_valid", "dataset=\"pima\"")).isZero();
        assertThat(broken).contains("driftwatch_rules_file_valid{dataset=\"pima\",file=\"/rules/pima.yaml\"}");
        assertThat(value(broken, "driftwatch_rule_status", "rule=\"vitals-measured\"")).isEqualTo(2.0);
        assertThat(value(broken, "driftwatch_rule_status", "rule=\"lab-values-measured\"")).isEqualTo(1.0);

        publisher.onCatalogChanged(new DatasetCatalogChanged(Map.of("pima", Set.of("vitals-measured", "lab-values-measured")),
                Map.of("pima", "/rules/pima.yaml"), Set.of()));
        String fixed = registry.scrape();
        assertThat(value(fixed, "driftwatch_rules_file_valid", "dataset=\"pima\"")).isEqualTo(1.0);
        assertThat(value(fixed, "driftwatch_rule_status", "rule=\"vitals-measured\"")).isEqualTo(2.0);
    }

    @Test
    void aCheckShowsItsTimeTheNewestSnapshotsAgeAndTheDeclaredMaximumWithoutASnapshotLabel() {
        Instant checked = Instant.parse("2026-12-04T10:00:00Z");
        Instant newest = Instant.parse("2026-12-03T09:30:00Z");
        publisher.onSnapshotsChecked(new dev.driftwatch.app.events.SnapshotsChecked("pima", checked, newest,
                java.time.Duration.ofHours(26)));

        String text = registry.scrape();
        // Unix seconds by `date -u -d ... +%s`: 1796378400 and 1796290200; 26 h = 93600 s
        assertThat(value(text, "driftwatch_last_check_timestamp_seconds", "dataset=\"pima\"")).isEqualTo(1796378400.0);
        assertThat(value(text, "driftwatch_newest_snapshot_timestamp_seconds", "dataset=\"pima\"")).isEqualTo(1796290200.0);
        assertThat(value(text, "driftwatch_max_snapshot_age_seconds", "dataset=\"pima\"")).isEqualTo(93600.0);
        assertThat(text).doesNotContain("snapshot=\"");
    }

    /** The value of the one series of {@code name} whose labels contain {@code label}. */
    static double value(String scrape, String name, String label) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .reduce((a, b) -> {
                    throw new AssertionError("expected one series of " + name + " with " + label + " but found several");
                })
                .orElseThrow(() -> new AssertionError("expected a series of " + name + " with " + label
                        + " but found none in\n" + scrape));
    }
}
