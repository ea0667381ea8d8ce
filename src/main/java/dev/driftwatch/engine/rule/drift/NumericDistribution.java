package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.profile.NumericSummary;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * A numeric distribution as the drift methods see it: its size, quantile function and CDF. Either a
 * KLL sketch (exact up to 200 values, about 1.65% rank error beyond) or, for a reference known only
 * from a stored profile, its nine stored quantiles with linear interpolation between them (coarse:
 * good for Wasserstein and PSI, an approximation for KS).
 */
interface NumericDistribution {
    long count();

    double quantile(double rank);

    /** The share of values at or below x. */
    double cdf(double x);

    double stdDev();

    static NumericDistribution of(KllDoublesSketch sketch, double stdDev) {
        return new NumericDistribution() {
            @Override
            public long count() {
                return sketch.getN();
            }

            @Override
            public double quantile(double rank) {
                return sketch.getQuantile(Math.min(1, Math.max(0, rank)), QuantileSearchCriteria.INCLUSIVE);
            }

            @Override
            public double cdf(double x) {
                return sketch.getRank(x, QuantileSearchCriteria.INCLUSIVE);
            }

            @Override
            public double stdDev() {
                return stdDev;
            }
        };
    }

    static NumericDistribution of(NumericSummary summary) {
        double[] ranks = NumericSummary.RANKS;
        List<Double> values = summary.quantiles();
        return new NumericDistribution() {
            @Override
            public long count() {
                return summary.count();
            }

            @Override
            public double quantile(double rank) {
                for (int i = 1; i < ranks.length; i++) {
                    if (rank <= ranks[i]) {
                        double share = (rank - ranks[i - 1]) / (ranks[i] - ranks[i - 1]);
                        return values.get(i - 1) + share * (values.get(i) - values.get(i - 1));
                    }
                }
                return values.get(values.size() - 1);
            }

            @Override
            public double cdf(double x) {
                if (x < values.get(0)) {
                    return 0;
                }
                for (int i = values.size() - 1; i >= 1; i--) {
                    if (x >= values.get(i)) {
                        return ranks[i];
                    }
                    if (x >= values.get(i - 1) && values.get(i) > values.get(i - 1)) {
                        double share = (x - values.get(i - 1)) / (values.get(i) - values.get(i - 1));
                        return ranks[i - 1] + share * (ranks[i] - ranks[i - 1]);
                    }
                }
                return ranks[0];
            }

            @Override
            public double stdDev() {
                return summary.stdDev();
            }
        };
    }
}
