package dev.driftwatch.engine.rule.anomaly;

import dev.driftwatch.engine.rule.ExpectedRange;

/**
 * {@code absolute_change}: the value may fall at most {@code maxDecrease} below the previous value and rise at
 * most {@code maxIncrease} above it, in the figure's units (Deequ's AbsoluteChangeStrategy of order 1). A null
 * bound is no bound; at least one is needed.
 */
public record AbsoluteChangeStrategy(Double maxDecrease, Double maxIncrease) implements AnomalyStrategy {
    public AbsoluteChangeStrategy {
        ChangeBounds.check(maxDecrease, maxIncrease);
    }

    @Override
    public String id() {
        return "absolute_change";
    }

    @Override
    public int leastHistory() {
        return 1;
    }

    @Override
    public ExpectedRange expected(double[] history, double current) {
        return ExpectedRange.around(history[history.length - 1], maxDecrease, maxIncrease);
    }
}
