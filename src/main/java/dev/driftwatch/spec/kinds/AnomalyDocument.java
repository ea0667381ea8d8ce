package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.history.MetricKey;
import dev.driftwatch.engine.history.ProfileMetric;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.anomaly.AbsoluteChangeStrategy;
import dev.driftwatch.engine.rule.anomaly.AnomalyRule;
import dev.driftwatch.engine.rule.anomaly.AnomalyStrategy;
import dev.driftwatch.engine.rule.anomaly.OnlineNormalStrategy;
import dev.driftwatch.engine.rule.anomaly.RelativeChangeStrategy;
import dev.driftwatch.engine.rule.anomaly.RobustStrategy;
import dev.driftwatch.engine.rule.anomaly.SeasonalStrategy;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/**
 * {@code kind: anomaly}; see {@link AnomalyRule}. Needs metric and strategy; severity defaults to warn (a figure
 * outside its usual range is news, not proof of a fault); min_history defaults to 5, or two periods for seasonal;
 * max_z defaults to 3 (z_score, seasonal) or 3.5 (mad); every earlier value is evidence unless max_evidence says
 * otherwise.
 */
public record AnomalyDocument(String name, String severity, String metric, String column, String split, String value,
                              String strategy, Double maxZ, Double maxIncrease, Double maxDecrease, Integer period,
                              Double alpha, Double beta, Double gamma, Integer minHistory, Integer maxEvidence)
        implements RuleDocument {
    static final int MIN_HISTORY = 5;
    private static final List<String> STRATEGIES = List.of("absolute_change", "relative_change", "z_score", "mad",
            "seasonal");

    @Override
    public Rule toRule() {
        ProfileMetric figure;
        try {
            figure = ProfileMetric.of(Required.value(metric, "metric"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("metric:") ? e.getMessage() : "metric: " + e.getMessage());
        }
        AnomalyStrategy chosen = chosenStrategy();
        if (minHistory != null && minHistory < 1) {
            throw new IllegalArgumentException("min_history: expected 1 or more but found " + minHistory);
        }
        int least = minHistory != null ? minHistory : Math.max(MIN_HISTORY, chosen.leastHistory());
        if (maxEvidence != null && maxEvidence < 0) {
            throw new IllegalArgumentException("max_evidence: expected 0 or more but found " + maxEvidence);
        }
        return new AnomalyRule(name, severity == null ? dev.driftwatch.engine.rule.Severity.WARN : Severities.of(severity),
                new MetricKey(figure, split, column, value), chosen, least, maxEvidence);
    }

    private AnomalyStrategy chosenStrategy() {
        String id = Required.value(strategy, "strategy");
        unused(!id.equals("absolute_change") && !id.equals("relative_change"), maxIncrease, "max_increase", id);
        unused(!id.equals("absolute_change") && !id.equals("relative_change"), maxDecrease, "max_decrease", id);
        unused(!id.equals("seasonal"), period, "period", id);
        unused(!id.equals("seasonal"), alpha, "alpha", id);
        unused(!id.equals("seasonal"), beta, "beta", id);
        unused(!id.equals("seasonal"), gamma, "gamma", id);
        unused(id.equals("absolute_change") || id.equals("relative_change"), maxZ, "max_z", id);
        switch (id) {
            case "absolute_change":
                return new AbsoluteChangeStrategy(maxDecrease, maxIncrease);
            case "relative_change":
                return new RelativeChangeStrategy(maxDecrease, maxIncrease);
            case "z_score":
                return new OnlineNormalStrategy(maxZ == null ? OnlineNormalStrategy.DEFAULT_MAX_Z : maxZ);
            case "mad":
                return new RobustStrategy(maxZ == null ? RobustStrategy.DEFAULT_MAX_Z : maxZ);
            case "seasonal":
                return new SeasonalStrategy(Required.value(period, "period"), alpha, beta, gamma,
                        maxZ == null ? SeasonalStrategy.DEFAULT_MAX_Z : maxZ);
            default:
                throw new IllegalArgumentException("strategy: expected one of " + STRATEGIES + " but found '" + id + "'");
        }
    }

    private static void unused(boolean notForThisStrategy, Object value, String key, String strategy) {
        if (notForThisStrategy && value != null && STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException(key + ": not a parameter of strategy " + strategy);
        }
    }
}
