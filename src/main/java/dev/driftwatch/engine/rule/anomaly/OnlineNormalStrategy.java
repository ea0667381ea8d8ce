package dev.driftwatch.engine.rule.anomaly;

import dev.driftwatch.engine.rule.ExpectedRange;

/**
 * {@code z_score}: Deequ's OnlineNormalStrategy. The mean and the population standard deviation are updated
 * value by value (Welford) over the history and then the current value, and the current value is expected within
 * {@code mean − maxZ·sd} and {@code mean + maxZ·sd} of that running state, which includes the current value itself
 * (as in Deequ, whose anomaly check searches only the newest point, so earlier values all count and Deequ's
 * ignore-start share never reaches the newest one). Because the value widens its own band, with n values in all no
 * single value can lie beyond (n − 1)/√n standard deviations: at max_z 3 at least 10 earlier values are needed
 * before any value can be flagged.
 *
 * @param maxZ how many standard deviations either side; default 3 as in Deequ
 */
public record OnlineNormalStrategy(double maxZ) implements AnomalyStrategy {
    public static final double DEFAULT_MAX_Z = 3;

    public OnlineNormalStrategy {
        if (!(maxZ >= 0)) {
            throw new IllegalArgumentException("max_z: expected 0 or more but found " + maxZ);
        }
    }

    @Override
    public String id() {
        return "z_score";
    }

    @Override
    public int leastHistory() {
        return 1;
    }

    @Override
    public ExpectedRange expected(double[] history, double current) {
        double mean = 0;
        double sn = 0;
        int count = 0;
        for (int i = 0; i <= history.length; i++) {
            double value = i < history.length ? history[i] : current;
            double lastMean = mean;
            count++;
            mean = count == 1 ? value : lastMean + (value - lastMean) / count;
            sn += (value - lastMean) * (value - mean);
        }
        double sd = Math.sqrt(sn / count);
        return new ExpectedRange(mean - maxZ * sd, mean + maxZ * sd);
    }
}
