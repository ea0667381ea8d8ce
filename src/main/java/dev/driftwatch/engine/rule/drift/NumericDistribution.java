package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.profile.NumericSummary;
import java.util.Map;
import java.util.TreeMap;

/**
 * A numeric distribution as the drift methods see it: its size, quantile function and CDF. Either a
 * profile's numeric summary (a deterministic relative-error sketch: quantiles within 1% of the value,
 * CDF resolution one bin of 2%) or exact counts of small integers (tags per row).
 */
interface NumericDistribution {
    long count();

    double quantile(double rank);

    /** The share of values at or below x. */
    double cdf(double x);

    double stdDev();

    static NumericDistribution of(NumericSummary summary) {
        return new NumericDistribution() {
            @Override
            public long count() {
                return summary.count();
            }

            @Override
            public double quantile(double rank) {
                return summary.quantile(Math.min(1, Math.max(0, rank)));
            }

            @Override
            public double cdf(double x) {
                return summary.cdf(x);
            }

            @Override
            public double stdDev() {
                return summary.stdDev();
            }
        };
    }

    /** Exact counts by integer value (rows by their number of tags). */
    static NumericDistribution ofCounts(Map<Integer, Long> counts) {
        TreeMap<Integer, Long> sorted = new TreeMap<>(counts);
        long n = sorted.values().stream().mapToLong(Long::longValue).sum();
        double mean = sorted.entrySet().stream().mapToDouble(e -> (double) e.getKey() * e.getValue()).sum() / Math.max(1, n);
        double squares = sorted.entrySet().stream().mapToDouble(e -> Math.pow(e.getKey() - mean, 2) * e.getValue()).sum();
        double std = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
        return new NumericDistribution() {
            @Override
            public long count() {
                return n;
            }

            @Override
            public double quantile(double rank) {
                long seen = 0;
                for (var e : sorted.entrySet()) {
                    seen += e.getValue();
                    if (seen >= Math.max(1, Math.ceil(rank * n))) {
                        return e.getKey();
                    }
                }
                return sorted.isEmpty() ? 0 : sorted.lastKey();
            }

            @Override
            public double cdf(double x) {
                long below = sorted.headMap((int) Math.floor(x), true).values().stream().mapToLong(Long::longValue).sum();
                return n == 0 ? 0 : (double) below / n;
            }

            @Override
            public double stdDev() {
                return std;
            }
        };
    }
}
