package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.rule.DriftMeasure;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.rule.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dedicated gauge a rule kind's observed value also feeds (drift score, unseen tags, conflicting
 * labels, leaked rows), so dashboards need not know rule names.
 */
enum RuleKindMetric {
    /** The distance (higher is more drift) and, for tests, the adjusted p-value, each under its own name. */
    DISTRIBUTION_SHIFT("distribution_shift", LatestMetric.DRIFT_DISTANCE) {
        @Override
        List<MetricSample> samples(RunReport report, RuleResult result, double observed) {
            String method = ResultCheck.of(result).isEmpty() ? "unknown" : ResultCheck.of(result);
            DriftMeasure measure = result.measure();
            if (measure == null) { // a test observes 1 - its adjusted p-value
                return List.of(TESTS.contains(method)
                        ? LatestMetric.DRIFT_P_VALUE.sample(1 - observed, report.dataset(), result.split(), result.column(), method)
                        : metric.sample(observed, report.dataset(), result.split(), result.column(), method));
            }
            List<MetricSample> samples = new ArrayList<>();
            if (Double.isFinite(measure.distance())) {
                samples.add(metric.sample(measure.distance(), report.dataset(), result.split(), result.column(), method));
            }
            if (measure.adjustedPValue() != null && Double.isFinite(measure.adjustedPValue())) {
                samples.add(LatestMetric.DRIFT_P_VALUE.sample(measure.adjustedPValue(), report.dataset(), result.split(),
                        result.column(), method));
            }
            return samples;
        }
    },
    /** Only the out-of-vocabulary check is a ratio; the new-tags check is a count; rare tags have no gauge of their own. */
    UNSEEN_TAGS("unseen_tags", LatestMetric.UNSEEN_TAG_RATIO) {
        @Override
        List<MetricSample> samples(RunReport report, RuleResult result, double observed) {
            String check = ResultCheck.of(result);
            if (check.equals("out_of_vocabulary")) {
                return List.of(metric.sample(observed, report.dataset(), result.split(), result.column()));
            }
            if (!check.equals("new")) {
                return List.of();
            }
            List<MetricSample> samples = new ArrayList<>();
            samples.add(LatestMetric.NEW_TAGS.sample(observed, report.dataset(), result.split(), result.column()));
            for (Evidence evidence : result.evidence()) {
                String tag = evidence.values().get("tag");
                String rows = evidence.values().get("rows");
                if (tag != null && rows != null && rows.matches("\\d+")) {
                    samples.add(LatestMetric.NEW_TAG_ROWS.sample(Long.parseLong(rows), report.dataset(), result.column(), tag));
                }
            }
            return samples;
        }
    },
    CONFLICTING_LABELS("conflicting_labels", LatestMetric.CONFLICTING_LABEL_GROUPS),
    /** Observes the share of the later split's rows found earlier; the result's column holds the matching mode. */
    SPLIT_LEAKAGE("split_leakage", LatestMetric.LEAKED_ROWS) {
        @Override
        MetricSample sample(RunReport report, RuleResult result, double observed) {
            long rows = report.profile().split(result.split()).map(SplitProfile::rows).orElse(0L);
            return metric.sample(Math.round(observed * rows), report.dataset(), result.split(), ResultCheck.of(result));
        }
    };

    private static final java.util.Set<String> TESTS = java.util.Set.of("ks", "chi2");
    private final String kind;
    final LatestMetric metric;

    RuleKindMetric(String kind, LatestMetric metric) {
        this.kind = kind;
        this.metric = metric;
    }

    static Optional<RuleKindMetric> of(String kind) {
        for (RuleKindMetric candidate : values()) {
            if (candidate.kind.equals(kind)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    MetricSample sample(RunReport report, RuleResult result, double observed) {
        return metric.sample(observed, report.dataset(), result.split(), result.column());
    }

    /** The samples a result of this kind adds; one by default. */
    List<MetricSample> samples(RunReport report, RuleResult result, double observed) {
        return List.of(sample(report, result, observed));
    }
}
