package dev.driftwatch.engine.profile;

import java.util.List;

/**
 * The numeric values of a column.
 *
 * @param count     values that parsed as numbers
 * @param quantiles values at ranks 0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1 (KLL sketch, about 1.65% rank error)
 */
public record NumericSummary(long count, double min, double max, double mean, double stdDev, long zeros,
                             long negatives, List<Double> quantiles) {
    public static final double[] RANKS = {0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1};

    public NumericSummary {
        quantiles = List.copyOf(quantiles);
    }
}
