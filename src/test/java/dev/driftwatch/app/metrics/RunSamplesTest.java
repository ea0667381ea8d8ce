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
