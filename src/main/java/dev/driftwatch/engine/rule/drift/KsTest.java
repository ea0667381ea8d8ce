package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.rule.drift.ks.KolmogorovDistribution;
import dev.driftwatch.engine.rule.drift.ks.TwoSampleExact;

/**
 * The two-sided p-value of the two-sample Kolmogorov–Smirnov statistic as {@code scipy.stats.ks_2samp} with
 * its default {@code method='auto'}: exact when neither sample has more than {@value #MAX_EXACT} values (SciPy's
 * lattice-path count, which assumes no ties), else, or when that computation fails, the asymptotic
 * {@code kstwo.sf(D, round(n1 n2 / (n1 + n2)))}. Stateless.
 */
final class KsTest {
    static final int MAX_EXACT = 10_000;

    private KsTest() {
    }

    /** D as SciPy reports it (rounded to a multiple of 1 / lcm(n1, n2) on the exact path) and the p-value. */
    static double[] of(long n1, long n2, double d) {
        if (Math.max(n1, n2) <= MAX_EXACT) {
            double[] exact = TwoSampleExact.attempt((int) n1, (int) n2, d);
            if (!Double.isNaN(exact[1])) {
                return exact;
            }
            d = exact[0];
        }
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = m * n / (m + n);
        return new double[] {d, KolmogorovDistribution.sf((long) Math.rint(en), d)};
    }
}
