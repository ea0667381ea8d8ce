package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.rule.ExpectedRange;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected range of each {@code anomaly} result of a run, next to its {@code driftwatch_rule_observed}: an
 * unbounded end (a change strategy with one bound) has no sample.
 */
final class AnomalySamples {
    private AnomalySamples() {
    }

    static List<MetricSample> of(RunReport report) {
        List<MetricSample> samples = new ArrayList<>();
        for (RuleResult result : report.results()) {
            ExpectedRange range = result.expected();
            if (range == null) {
                continue;
            }
            if (Double.isFinite(range.lower())) {
                samples.add(LatestMetric.ANOMALY_EXPECTED_LOWER.sample(range.lower(), report.dataset(), result.rule(),
                        result.column(), result.split()));
            }
            if (Double.isFinite(range.upper())) {
                samples.add(LatestMetric.ANOMALY_EXPECTED_UPPER.sample(range.upper(), report.dataset(), result.rule(),
                        result.column(), result.split()));
            }
        }
        return samples;
    }
}
