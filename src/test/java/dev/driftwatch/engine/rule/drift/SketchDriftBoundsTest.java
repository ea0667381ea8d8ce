package dev.driftwatch.engine.rule.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.rule.DriftMeasure;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beyond exact_values_limit, numbers compare by their sketches, and the result says so: the measure is not
 * exact, carries its error bound, and the true figure (SciPy's, from
 * {@code python3 src/test/resources/drift/scipy_figures.py}) lies within it.
 */
class SketchDriftBoundsTest {
    @TempDir
    Path dir;

    private List<RuleResult> run(String column, int limit, String train, String test) {
        var fixture = RuleFixture.csv(dir, """
                exact_values_limit: %2$d
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                reference: {split: train}
                columns: {numeric: [%1$s]}
                rules:
                  - {name: ks, kind: distribution_shift, method: ks}
                  - {name: wasserstein, kind: distribution_shift, method: wasserstein}
                  - {name: psi, kind: distribution_shift, method: psi}
                """.formatted(column, limit)).snapshot("s1", Map.of("train.csv", train, "test.csv", test));
        return fixture.run("s1").results();
    }

    private static RuleResult of(List<RuleResult> results, String rule) {
        return results.stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow();
    }

    private static void assertBounded(List<RuleResult> results, double d, double normalisedW) {
        DriftMeasure ks = of(results, "ks").measure();
        assertThat(ks.exact()).isFalse();
        assertThat(ks.error()).isPositive().isLessThan(0.05);
        assertThat(Math.abs(ks.statistic() - d)).isLessThanOrEqualTo(ks.error());
        DriftMeasure w = of(results, "wasserstein").measure();
        assertThat(w.exact()).isFalse();
        assertThat(Math.abs(w.distance() - normalisedW)).isLessThanOrEqualTo(w.error());
        DriftMeasure psi = of(results, "psi").measure();
        assertThat(psi.exact()).isFalse();
        assertThat(psi.error()).isNull();
        assertThat(of(results, "psi").message()).contains("(estimated from sketches, error not bounded)");
    }

    @Test
    void pimaBmiHalvesBeyondALimitOf100AreEstimatedWithinTheirBounds() throws IOException {
        // SciPy: D 0.0390625, W/std 0.06479504860353479 (pima BMI halves)
        List<String> lines = Files.readAllLines(SharedDatasets.resolve("pima-diabetes/diabetes.csv"));
        String header = lines.get(0) + "\n";
        List<RuleResult> results = run("BMI", 100, header + String.join("\n", lines.subList(1, 385)) + "\n",
                header + String.join("\n", lines.subList(385, 769)) + "\n");
        assertBounded(results, 0.0390625, 0.06479504860353479);
        assertThat(of(results, "ks").message()).contains("ks statistic ")
                .contains("(estimated from sketches, D within ±")
                .endsWith(" Sketches were compared because BMI in the reference has 384 values, more than "
                        + "exact_values_limit 100.");
    }

    @Test
    void titanicFareBeyondALimitOf500IsEstimatedWithinItsBounds() throws IOException {
        // SciPy: D 0.039370523782993806, W/std 0.08300062369485728 (titanic Fare train/test); the test split
        // (417 fares) stays within the limit, the reference (891) does not
        Path titanic = SharedDatasets.resolve("titanic");
        List<RuleResult> results = run("Fare", 500, Files.readString(titanic.resolve("train.csv")),
                Files.readString(titanic.resolve("test.csv")));
        assertBounded(results, 0.039370523782993806, 0.08300062369485728);
    }

    @Test
    void aReferenceStoredBeforeExactValuesIsComparedBySketchAndSaysWhy() throws IOException {
        // format-2-pima.bin: the first 20 rows of Pima as the codec of format 2 stored them (no exact values)
        SnapshotEvaluator.Reference reference;
        try (var in = getClass().getResourceAsStream("/profiles/format-2-pima.bin")) {
            reference = new SnapshotEvaluator.Reference("pima-20.csv", ProfileCodec.fromBytes(in.readAllBytes()));
        }
        Path folder = Files.createDirectories(dir.resolve("snapshots"));
        Files.copy(SharedDatasets.resolve("pima-diabetes/diabetes.csv"), folder.resolve("pima.csv"));
        var fixture = new RuleFixture(dir, """
                dataset: pima
                source: snapshots
                layout: file_per_snapshot
                files: "*.csv"
                columns: {numeric: [BMI, Age]}
                rules:
                  - {name: ks, kind: distribution_shift, method: ks, columns: [BMI]}
                """);
        var rules = fixture.rules();
        var snapshot = new SnapshotDiscovery(Clock.fixed(RuleFixture.NOW, ZoneOffset.UTC))
                .snapshotAt(rules.dataset(), folder.resolve("pima.csv")).orElseThrow();
        RunReport report = new SnapshotEvaluator(new Profiler(2), Clock.fixed(RuleFixture.NOW, ZoneOffset.UTC))
                .evaluate(rules.dataset(), rules.rules(), snapshot, Optional.of(reference));
        RuleResult ks = RuleFixture.of(report, "ks").get(0);
        assertThat(ks.measure().exact()).isFalse();
        assertThat(ks.message()).endsWith("Sketches were compared because BMI in the reference keeps no exact values "
                + "(text lengths, and profiles stored before format 3, keep none).");
        assertThat(ks.measure().pValue()).isBetween(0.0, 1.0);
        assertThat(ks.observed()).isCloseTo(1 - ks.measure().adjustedPValue(), within(1e-15));
    }
}
