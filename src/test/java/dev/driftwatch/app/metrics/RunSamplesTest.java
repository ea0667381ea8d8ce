package dev.driftwatch.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import io.micrometer.core.instrument.Tags;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSamplesTest {
    @TempDir
    Path tempDir;

    @Test
    void comparisonKindsFeedTheirOwnGaugesWithBoundedLabels() {
        var report = RuleKinds.withEveryKind(PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04), "kinds");
        String split = report.profile().splits().keySet().iterator().next();
        List<MetricSample> samples = RunSamples.of(report);

        assertThat(samples).contains(
                LatestMetric.DRIFT_DISTANCE.sample(0.31, "kinds", split, "Glucose", "psi"),
                // a ks result without its measure observes 1 - adjusted p = 0.42: p = 0.58
                LatestMetric.DRIFT_P_VALUE.sample(1 - 0.42, "kinds", split, "Glucose", "ks"),
                LatestMetric.UNSEEN_TAG_RATIO.sample(0.0, "kinds", null, "Outcome"),
                LatestMetric.NEW_TAGS.sample(2.0, "kinds", null, "Outcome"),
                LatestMetric.NEW_TAG_ROWS.sample(7, "kinds", "Outcome", "2"),
                LatestMetric.NEW_TAG_ROWS.sample(1, "kinds", "Outcome", "3"),
                LatestMetric.RULE_STATUS.sample(2, "kinds", "tags-known", "unseen_tags", "new", "Outcome", null, "error"),
                LatestMetric.RULE_STATUS.sample(0, "kinds", "tags-known", "unseen_tags", "out_of_vocabulary", "Outcome",
                        null, "error"),
                LatestMetric.CONFLICTING_LABEL_GROUPS.sample(3.0, "kinds", null, "Outcome"),
                // 0.25 of the split's 768 rows (pima-03.csv, awk) = 192 leaked rows
                LatestMetric.LEAKED_ROWS.sample(192, "kinds", split, "exact"));
    }

    @Test
    void aSkippedResultIsCodeMinusOneAndARunOfPassesAndSkipsIsAPass() {
        RunReport pima = PimaRuns.evaluate(tempDir, "pima-01.csv", 0.5);
        var skipped = new RuleResult("glucose-stable", "distribution_shift", Severity.ERROR, Status.SKIPPED, null, null,
                null, null, "there is no reference snapshot yet to compare with.", List.of());
        var passed = new RuleResult("glucose-measured", "missing_values", Severity.ERROR, Status.PASS, "Glucose", "all",
                0.0, 0.0, "Glucose: none missing.", List.of());
        var report = new RunReport("pima", pima.snapshot(), null, pima.startedAt(), pima.finishedAt(), pima.profile(),
                List.of(skipped, passed));
        List<MetricSample> samples = RunSamples.of(report);

        assertThat(samples).contains(
                LatestMetric.RULE_STATUS.sample(-1, "pima", "glucose-stable", "distribution_shift", null, null, null, "error"),
                LatestMetric.RULE_STATUS.sample(0, "pima", "glucose-measured", "missing_values", null, "Glucose", "all", "error"),
                LatestMetric.RUN_STATUS.sample(0, "pima"));
        assertThat(samples).noneMatch(s -> s.name().equals("driftwatch_rule_observed")
                && s.tags().stream().anyMatch(t -> t.getValue().equals("glucose-stable")));
    }

    @Test
    void aDriftTestExportsItsAdjustedPValueAndItsDistanceUnderTheirOwnNames() {
        // SciPy: ks_2samp(arange(200), arange(200) + 30) -> p 0.0220923622208589 for x; y is unchanged -> p 1.0;
        // stats.false_discovery_control([0.0220923622208589, 1.0]) -> 0.04418472, 1.0
        String train = "x,y\n" + java.util.stream.IntStream.range(0, 200).mapToObj(i -> i + "," + i)
                .collect(java.util.stream.Collectors.joining("\n"));
        String test = "x,y\n" + java.util.stream.IntStream.range(0, 200).mapToObj(i -> (i + 30) + "," + i)
                .collect(java.util.stream.Collectors.joining("\n"));
        var report = dev.driftwatch.engine.rule.RuleFixture.csv(tempDir, """
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                reference: {split: train}
                columns: {numeric: [x, y]}
                rules:
                  - {name: drift, kind: distribution_shift}
                """).snapshot("s1", java.util.Map.of("train.csv", train, "test.csv", test)).run("s1");
        List<MetricSample> samples = RunSamples.of(report);
        assertThat(valueFor(samples, "driftwatch_drift_p_value", "x")).isCloseTo(2 * 0.0220923622208589,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(valueFor(samples, "driftwatch_drift_p_value", "y")).isEqualTo(1.0);
        // KS D: shifting 200 consecutive integers by 30 moves the empirical CDFs 30/200 apart at most; y unchanged
        assertThat(valueFor(samples, "driftwatch_drift_distance", "x")).isCloseTo(30.0 / 200, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(valueFor(samples, "driftwatch_drift_distance", "y")).isZero();
    }

    private static double valueFor(List<MetricSample> samples, String name, String column) {
        return samples.stream().filter(sample -> sample.name().equals(name))
                .filter(sample -> column.equals(sample.tags().stream().filter(t -> t.getKey().equals("column"))
                        .findFirst().orElseThrow().getValue()))
                .findFirst().orElseThrow(() -> new AssertionError("expected " + name + " of " + column + " in " + samples))
                .value();
    }

    // Rows per split by Python's csv module over s25: dataset.csv (train) 764, holdout.csv (test) 191.
    @Test
    void theRealComparisonRulesOfMadeWithMlFeedTheirGaugesWithTheirMethodsAndChecks() {
        var report = MadeWithMlRuns.latestAgainstPrevious();
        List<MetricSample> samples = RunSamples.of(report);

        assertThat(samples).contains(LatestMetric.SPLIT_ROWS.sample(764, "madewithml-split", "train"),
                LatestMetric.SPLIT_ROWS.sample(191, "madewithml-split", "test"));
        // tag counts by Python's csv module: train natural-language-processing 310, other 106; test mlops 16
        assertThat(samples).contains(
                LatestMetric.CLASS_ROWS.sample(310, "madewithml-split", "train", "tag", "natural-language-processing"),
                LatestMetric.CLASS_ROWS.sample(106, "madewithml-split", "train", "tag", "other"),
                LatestMetric.CLASS_ROWS.sample(16, "madewithml-split", "test", "tag", "mlops"));
        assertThat(samples).filteredOn(sample -> sample.name().equals("driftwatch_drift_distance"))
                .extracting(sample -> sample.tags().stream().filter(t -> t.getKey().equals("method")).findFirst().orElseThrow().getValue())
                .isNotEmpty().allMatch(method -> List.of("ks", "chi2", "psi", "wasserstein", "js", "oov").contains(method));
        assertThat(samples).filteredOn(sample -> sample.name().equals("driftwatch_leaked_rows"))
                .extracting(sample -> sample.tags().stream().filter(t -> t.getKey().equals("method")).findFirst().orElseThrow().getValue())
                .contains("exact", "near");
        report.results().stream().filter(result -> result.kind().equals("split_leakage")).forEach(result ->
                assertThat(samples).contains(LatestMetric.LEAKED_ROWS.sample(Math.round(result.observed() * 191),
                        "madewithml-split", "test", result.column())));
        // the leakage method is the check label of the rule series; their column label holds column names only
        assertThat(samples).filteredOn(sample -> sample.name().startsWith("driftwatch_rule_")
                        && sample.tags().stream().anyMatch(t -> t.getKey().equals("kind") && t.getValue().equals("split_leakage")))
                .isNotEmpty()
                .allSatisfy(sample -> {
                    assertThat(sample.tags().stream().filter(t -> t.getKey().equals("column")).findFirst().orElseThrow()
                            .getValue()).isEmpty();
                    assertThat(sample.tags().stream().filter(t -> t.getKey().equals("check")).findFirst().orElseThrow()
                            .getValue()).isIn("exact", "near", "id", "normalised");
                });
        assertThat(samples).filteredOn(sample -> sample.name().equals("driftwatch_conflicting_label_groups")).hasSize(1);
        report.results().stream().filter(result -> result.kind().equals("unseen_tags") && result.observed() != null)
                .forEach(result -> assertThat(ResultCheck.of(result)).isIn("out_of_vocabulary", "rare", "new"));
    }

    // Python over the real projects.json of s01: 2,528 distinct tags; the ten most frequent run from code (1,357 rows)
    // to pytorch (258); machine-learning (231) is the eleventh.
    @Test
    void onlyTheTenMostFrequentTagsOfASplitHaveASeries() throws Exception {
        Path folder = Path.of(getClass().getResource("/datasets/madewithml-s01").toURI());
        java.nio.file.Files.writeString(tempDir.resolve("tags.yaml"), """
                dataset: tags
                source: %s
                layout: file_per_snapshot
                files: projects.json
                columns:
                  id: id
                  inputs: [title, description]
                  tags: tags
                rules:
                  - {name: described, kind: missing_values, columns: [description], max_ratio: 1}
                """.formatted(folder));
        var file = new dev.driftwatch.spec.RulesFileLoader().load(tempDir.resolve("tags.yaml"));
        var snapshot = new dev.driftwatch.engine.snapshot.SnapshotDiscovery(java.time.Clock.systemUTC())
                .snapshotAt(file.dataset(), folder.resolve("projects.json")).orElseThrow();
        var report = new dev.driftwatch.engine.run.SnapshotEvaluator(new dev.driftwatch.engine.profile.Profiler(),
                java.time.Clock.systemUTC()).evaluate(file.dataset(), file.rules(), snapshot, java.util.Optional.empty());

        List<MetricSample> classes = RunSamples.of(report).stream()
                .filter(sample -> sample.name().equals("driftwatch_class_rows")).toList();
        assertThat(classes).hasSize(RunSamples.TOP_CLASSES).contains(
                LatestMetric.CLASS_ROWS.sample(1357, "tags", "all", "tags", "code"),
                LatestMetric.CLASS_ROWS.sample(258, "tags", "all", "tags", "pytorch"));
        assertThat(classes).noneMatch(sample -> sample.tags().stream().anyMatch(t -> t.getValue().equals("machine-learning")));
    }

    @Test
    void everySeriesOfAMetricHasTheSameLabelNamesAsPrometheusRequires() {
        var report = RuleKinds.withEveryKind(PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04), "kinds");
        for (MetricSample sample : RunSamples.of(report)) {
            LatestMetric metric = java.util.Arrays.stream(LatestMetric.values())
                    .filter(m -> m.prometheusName().equals(sample.name())).findFirst().orElseThrow();
            assertThat(sample.tags().stream().map(io.micrometer.core.instrument.Tag::getKey).sorted().toList())
                    .as(sample.toString()).isEqualTo(metric.labels().stream().sorted().toList());
        }
    }

    @Test
    void aLabelValueCountThatDoesNotMatchTheMetricIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatestMetric.SPLIT_ROWS.sample(1, "pima"))
                .hasMessage("expected 2 label values for driftwatch_split_rows but found 1");
        assertThat(LatestMetric.SPLIT_ROWS.sample(1, "pima", null).tags()).isEqualTo(Tags.of("dataset", "pima", "split", ""));
    }
}
