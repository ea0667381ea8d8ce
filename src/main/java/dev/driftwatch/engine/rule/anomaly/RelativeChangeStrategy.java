package dev.driftwatch.engine.rule.anomaly;

import dev.driftwatch.engine.rule.ExpectedRange;

/**
 * {@code relative_change}: the value may fall at most {@code maxDecrease} and rise at most {@code maxIncrease}
 * as fractions of the previous value (0.5 = 50%): between {@code previous × (1 − maxDecrease)} and
 * {@code previous × (1 + maxIncrease)} (for a negative previous value, of its magnitude). A null bound is no
 * bound; at least one is needed. After a previous value of 0 only 0 is expected, where a bound is set.
 */
public record RelativeChangeStrategy(Double maxDecrease, Double maxIncrease) implements AnomalyStrategy {
    public RelativeChangeStrategy {
        ChangeBounds.check(maxDecrease, maxIncrease);
    }

    @Override
    public String id() {
        return "relative_change";
    }

    @Override
    public int leastHistory() {
        return 1;
    }

    @Override
    public ExpectedRange expected(double[] history, double current) {
        double previous = history[history.length - 1];
        double size = Math.abs(previous);
        return ExpectedRange.around(previous, maxDecrease == null ? null : size * maxDecrease,
                maxIncrease == null ? null : size * maxIncrease);
    }
}
