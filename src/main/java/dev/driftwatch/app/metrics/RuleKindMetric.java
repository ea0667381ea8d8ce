package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dedicated gauge a rule kind's observed value also feeds (drift score, unseen tags, conflicting
 * labels, leaked rows), so dashboards need not know rule names.
 */
enum RuleKindMetric {
    DISTRIBUTION_SHIFT("distribution_shift", LatestMetric.DRIFT_SCORE) {
        @Override
        MetricSample sample(RunReport report, RuleResult result, double observed) {
            return metric.sample(observed, report.dataset(), result.split(), result.column(), method(result));
        }
    },
    UNSEEN_TAGS("unseen_tags", LatestMetric.UNSEEN_TAG_RATIO),
    CONFLICTING_LABELS("conflicting_labels", LatestMetric.CONFLICTING_LABEL_GROUPS),
    /** Observes the share of the later split's rows found earlier; the column holds the matching mode. */
    SPLIT_LEAKAGE("split_leakage", LatestMetric.LEAKED_ROWS) {
        @Override
        MetricSample sample(RunReport report, RuleResult result, double observed) {
            long rows = report.profile().split(result.split()).map(SplitProfile::rows).orElse(0L);
            return metric.sample(Math.round(observed * rows), report.dataset(), result.split(), result.column());
        }
    };

    /** Evidently's short ids of drift methods; the first one named in the result's message is its method. */
    private static final Pattern METHOD = Pattern.compile(
            "\\b(psi|ks|wasserstein|jensenshannon|chisquare|js|kl)\\b");

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

    static String method(RuleResult result) {
        Matcher matcher = METHOD.matcher(result.message().toLowerCase(Locale.ROOT));
        return matcher.find() ? matcher.group(1) : "unknown";
    }
}
