package dev.driftwatch.engine.rule.anomaly;

import dev.driftwatch.engine.rule.ExpectedRange;
import java.util.Arrays;

/**
 * {@code mad}: the median of the history ± {@code maxZ} scaled median absolute deviations, where the scaled MAD is
 * 1.4826 × median(|x − median|) (a standard deviation's estimate for normal data, SciPy's
 * {@code median_abs_deviation(scale="normal")}). One outlier in the history moves neither end, unlike
 * {@code z_score}; the current value is not part of its own band. A history whose values are mostly equal has a MAD
 * of 0, and then only that value is expected.
 *
 * @param maxZ how many scaled MADs either side; default 3.5 (Iglewicz and Hoaglin's modified z-score cut)
 */
public record RobustStrategy(double maxZ) implements AnomalyStrategy {
    public static final double DEFAULT_MAX_Z = 3.5;
    static final double NORMAL_SCALE = 1.482602218505602;

    public RobustStrategy {
        if (!(maxZ >= 0)) {
            throw new IllegalArgumentException("max_z: expected 0 or more but found " + maxZ);
        }
    }

    @Override
    public String id() {
        return "mad";
    }

    @Override
    public int leastHistory() {
        return 1;
    }

    @Override
    public ExpectedRange expected(double[] history, double current) {
        double median = median(history);
        double[] deviations = Arrays.stream(history).map(v -> Math.abs(v - median)).toArray();
        double spread = NORMAL_SCALE * median(deviations);
        return new ExpectedRange(median - maxZ * spread, median + maxZ * spread);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
