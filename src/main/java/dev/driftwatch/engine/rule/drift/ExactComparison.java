package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.profile.SortedNumbers;

/**
 * Drift statistics of two samples from their exact values, as SciPy and NumPy compute them: the KS D of
 * {@code scipy.stats.ks_2samp} (right-continuous empirical CDFs compared at every value of either sample, so
 * ties count as SciPy counts them), {@code scipy.stats.wasserstein_distance(u, v)}, and the PSI over the
 * reference's deciles by NumPy's default {@code np.quantile}. Each walks the runs of equal values once.
 * Stateless.
 */
final class ExactComparison {
    /** Shares below this count as this in the PSI, so that an empty bin does not make it infinite. */
    static final double PSI_FLOOR = 1e-4;

    private ExactComparison() {
    }

    /** max |F1(x) - F2(x)| over the values x of both samples; SciPy's D of ks_2samp, two-sided. */
    static double ks(SortedNumbers first, SortedNumbers second) {
        double[] extremes = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        walk(first, second, (x, f1, f2) -> {
            extremes[0] = Math.max(extremes[0], f1 - f2);
            extremes[1] = Math.min(extremes[1], f1 - f2);
        });
        double minS = Math.min(1, Math.max(0, -extremes[1]));
        return minS > extremes[0] ? minS : extremes[0];
    }

    /** The Wasserstein-1 distance: the integral of |F1 - F2|, summed between consecutive values of both samples. */
    static double wasserstein(SortedNumbers first, SortedNumbers second) {
        double[] previous = {Double.NaN, 0, 0};
        walk(first, second, (x, f1, f2) -> {
            if (!Double.isNaN(previous[0])) {
                previous[2] += Math.abs(previous[1]) * (x - previous[0]);
            }
            previous[0] = x;
            previous[1] = f1 - f2;
        });
        return previous[2];
    }

    /** Both empirical CDFs at a value of either sample, after the runs at that value. */
    private interface CdfStep {
        void at(double x, double f1, double f2);
    }

    /** Walks the values of both samples in increasing order, once each, with both CDFs after each value. */
    private static void walk(SortedNumbers first, SortedNumbers second, CdfStep step) {
        double n1 = first.count();
        double n2 = second.count();
        var a = first.runs();
        var b = second.runs();
        boolean moreA = a.next();
        boolean moreB = b.next();
        long below1 = 0;
        long below2 = 0;
        while (moreA || moreB) {
            double x = !moreB || (moreA && a.value() <= b.value()) ? a.value() : b.value();
            if (moreA && a.value() == x) {
                below1 += a.count();
                moreA = a.next();
            }
            if (moreB && b.value() == x) {
                below2 += b.count();
                moreB = b.next();
            }
            step.at(x, below1 / n1, below2 / n2);
        }
    }

    /**
     * The population stability index over ten bins cut at the reference's deciles q10 ... q90
     * ({@link SortedNumbers#quantile}, NumPy's linear rule), right-closed: (-inf, q10], (q10, q20], ..., (q90, inf).
     * Each side's share of a bin is its count there over its size, raised to {@value #PSI_FLOOR} when smaller;
     * PSI = sum of (current - reference) ln(current / reference). Equal deciles (many equal values) make empty
     * bins, which add nothing.
     */
    static double psi(SortedNumbers reference, SortedNumbers current) {
        double psi = 0;
        long previousRef = 0;
        long previousCur = 0;
        for (int bin = 1; bin <= 10; bin++) {
            long ref = reference.count();
            long cur = current.count();
            if (bin < 10) {
                double edge = reference.quantile(bin / 10.0);
                ref = reference.atOrBelow(edge);
                cur = current.atOrBelow(edge);
            }
            psi += term((double) (ref - previousRef) / reference.count(), (double) (cur - previousCur) / current.count());
            previousRef = ref;
            previousCur = cur;
        }
        return psi;
    }

    /** One bin's (or category's) PSI term, shares floored at {@value #PSI_FLOOR}. */
    static double term(double reference, double current) {
        double r = Math.max(reference, PSI_FLOOR);
        double c = Math.max(current, PSI_FLOOR);
        return (c - r) * Math.log(c / r);
    }
}
