package dev.driftwatch.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

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
                LatestMetric.DRIFT_SCORE.sample(0.31, "kinds", split, "Glucose", "psi"),
                LatestMetric.DRIFT_SCORE.sample(0.42, "kinds", split, "Glucose", "ks"),
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

    // Rows per split by Python's csv module over s25: dataset.csv (train) 764, holdout.csv (test) 191.
    @Test
    void theRealComparisonRulesOfMadeWithMlFeedTheirGaugesWithTheirMethodsAndChecks() {
        var report = MadeWithMlRuns.latestAgainstPrevious();
        List<MetricSample> samples = RunSamples.of(report);

        assertThat(samples).contains(LatestMetric.SPLIT_ROWS.sample(764, "madewithml-split", "train"),
                LatestMetric.SPLIT_ROWS.sample(191, "madewithml-split", "test"));
        assertThat(samples).filteredOn(sample -> sample.name().equals("driftwatch_drift_score"))
                .extracting(sample -> sample.tags().stream().filter(t -> t.getKey().equals("method")).findFirst().orElseThrow().getValue())
                .isNotEmpty().allMatch(method -> List.of("ks", "chi2", "psi", "wasserstein", "js", "oov").contains(method));
        assertThat(samples).filteredOn(sample -> sample.name().equals("driftwatch_leaked_rows"))
                .extracting(sample -> sample.tags().stream().filter(t -> t.getKey().equals("method")).findFirst().orElseThrow().getValue())
                .contains("exact", "near");
        report.results().stream().filter(result -> result.kind().equals("split_leakage")).forEach(result ->
                assertThat(samples).contains(LatestMetric.LEAKED_ROWS.sample(Math.round(result.observed() * 191),
                        "madewithml-split", "test", result.column())));
        assertThat(samples).filteredOn(sample -> sample.name().equals("driftwatch_conflicting_label_groups")).hasSize(1);
        report.results().stream().filter(result -> result.kind().equals("unseen_tags") && result.observed() != null)
                .forEach(result -> assertThat(ResultCheck.of(result)).isIn("out_of_vocabulary", "rare", "new"));
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
