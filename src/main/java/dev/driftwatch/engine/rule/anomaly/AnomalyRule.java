package dev.driftwatch.engine.rule.anomaly;

import dev.driftwatch.engine.dataset.ReferencePolicy;
import dev.driftwatch.engine.history.HistoryPoint;
import dev.driftwatch.engine.history.MetricHistory;
import dev.driftwatch.engine.history.MetricKey;
import dev.driftwatch.engine.history.ProfileMetric;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.ExpectedRange;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code anomaly}: a figure of the profile ({@link ProfileMetric}) held to the range a strategy expects from the
 * figure's earlier values (the dataset's successful runs, oldest first). One result per split, or one for the
 * snapshot when {@code split} is named or the figure is the snapshot's. With fewer earlier values than
 * {@code minHistory} the result is skipped. Each judged result carries the expected range and, as evidence, the
 * earlier values it used (the latest {@code maxEvidence}, or all when null).
 *
 * @param metric      the figure; its key's split is the one named, or null for every split
 * @param minHistory  the fewest earlier values to judge with; at least the strategy's own least
 */
public record AnomalyRule(String name, Severity severity, MetricKey metric, AnomalyStrategy strategy, int minHistory,
                          Integer maxEvidence) implements Rule {
    public AnomalyRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(strategy, "strategy");
        if (minHistory < strategy.leastHistory()) {
            throw new IllegalArgumentException("min_history: expected " + strategy.leastHistory() + " or more for strategy "
                    + strategy.id() + " but found " + minHistory);
        }
    }

    @Override
    public String kind() {
        return "anomaly";
    }

    @Override
    public void declare(ProfileRequest.Builder request) {
        metric.metric().edaOnlyFigure().ifPresent(request::need);
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        List<String> splits = metric.split() != null || !metric.metric().perSplit()
                ? java.util.Collections.singletonList(metric.split()) : List.copyOf(context.current().splits().keySet());
        List<RuleResult> results = new ArrayList<>();
        for (String split : splits) {
            results.add(judge(context, new MetricKey(metric.metric(), split, metric.column(), metric.value())));
        }
        return results;
    }

    private RuleResult judge(EvaluationContext context, MetricKey key) {
        String figure = FigureNames.of(key);
        if (key.metric().pairwise() && context.dataset().reference().kind() != ReferencePolicy.Kind.PREVIOUS) {
            return RuleResult.error(this, key.column(), key.split(), figure + " follows each snapshot against the one"
                    + " before it, so it needs reference: previous, but the dataset's reference is "
                    + context.dataset().reference().kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        Optional<Double> observed = key.metric().pairwise()
                ? context.reference().flatMap(before -> key.metric().between(before, context.current(), key))
                : key.metric().of(context.current(), key);
        if (observed.isEmpty() && key.metric().pairwise() && context.reference().isEmpty()) {
            return RuleResult.skipped(this, key.column(), key.split(), "no snapshot before this one to measure "
                    + figure + " from");
        }
        if (observed.isEmpty()) {
            return RuleResult.error(this, key.column(), key.split(), "the snapshot has no " + figure);
        }
        MetricHistory history;
        try {
            history = context.history().history(key).without(context.snapshot().id());
        } catch (RuntimeException e) {
            return RuleResult.error(this, key.column(), key.split(), "the history of " + figure + " could not be read: "
                    + e.getMessage());
        }
        if (history.size() < minHistory) {
            return RuleResult.skipped(this, key.column(), key.split(), "only " + history.size() + " earlier value"
                    + (history.size() == 1 ? "" : "s") + " of " + figure + "; " + minHistory + " needed");
        }
        double value = observed.get();
        ExpectedRange range = strategy.expected(history.values(), value);
        boolean violated = !range.contains(value);
        String message = figure + " is " + FigureNames.number(value) + "; " + strategy.id() + " over "
                + history.size() + " earlier snapshots expected " + FigureNames.range(range) + ".";
        double threshold = value < range.lower() || !Double.isFinite(range.upper()) ? range.lower() : range.upper();
        return new RuleResult(name, kind(), severity, violated ? severity.violated() : Status.PASS, key.column(),
                key.split(), value, Double.isFinite(threshold) ? threshold : null, message, evidence(history), null, null,
                range);
    }

    private List<Evidence> evidence(MetricHistory history) {
        List<HistoryPoint> points = history.points();
        int from = maxEvidence == null ? 0 : Math.max(0, points.size() - maxEvidence);
        List<Evidence> rows = new ArrayList<>();
        for (HistoryPoint point : points.subList(from, points.size())) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("time", point.time().toString());
            values.put("value", FigureNames.number(point.value()));
            rows.add(new Evidence(point.snapshotId(), 0, null, values));
        }
        return rows;
    }
}
