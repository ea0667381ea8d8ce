package dev.driftwatch.engine.rule.drift.ks;

/**
 * The two-sided one-sample Kolmogorov–Smirnov distribution of D_n: {@code scipy.stats.kstwo.sf(x, n)}, which
 * SciPy's {@code ks_2samp} uses asymptotically with n = round(n1 n2 / (n1 + n2)). SciPy's {@code _kolmogn}
 * (scipy/stats/_ksstats.py) chooses the method as Simard and L'Ecuyer (2011) advise, and so does this:
 * Ruben–Gambino's closed forms at the ends, 2 × {@link SmirnovDistribution} for large x, the exact
 * {@link DurbinMatrix} for small n x^1.5, else {@link PelzGood}. For n ≤ 140 SciPy uses Pomeranz's exact
 * recursion where nx² is between 0.754693 and 4; Durbin's matrix, equally exact, is used here instead.
 * Stateless.
 */
public final class KolmogorovDistribution {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double[] STIRLING = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
            -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
            7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2};

    private KolmogorovDistribution() {
    }

    /** P(D_n ≥ x). */
    public static double sf(long n, double x) {
        if (n < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return 1.0;
            }
            double cdf;
            if (n <= 140) {
                cdf = 1.0;
                for (long i = 1; i <= n; i++) {
                    cdf *= i * (1.0 / n) * (2 * t - 1);
                }
            } else {
                cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
            }
            return clip(1.0 - cdf);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * SmirnovDistribution.sf(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            return nxSquared <= 4 ? clip(1.0 - DurbinMatrix.cdf(n, x)) : clip(2 * SmirnovDistribution.sf(n, x));
        }
        if (nxSquared >= 370.0) {
            return 0.0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * SmirnovDistribution.sf(n, x));
        }
        double cdf = n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4 ? DurbinMatrix.cdf(n, x) : PelzGood.cdf(n, x);
        return clip(1.0 - cdf);
    }

    /** log(n! / n^n) by Stirling's series, as SciPy's {@code _log_nfactorial_div_n_pow_n}. */
    private static double logFactorialOverPower(long n) {
        double rn = 1.0 / n;
        double polynomial = 0;
        for (double coefficient : STIRLING) {
            polynomial = polynomial * (rn / n) + coefficient;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * polynomial;
    }

    private static double clip(double p) {
        return Math.min(1, Math.max(0, p));
    }
}
