package dev.driftwatch.engine.rule.drift.ks;

/**
 * The one-sided one-sample Kolmogorov–Smirnov distribution: {@code scipy.special.smirnov(n, x)} = P(D+_n ≥ x),
 * after SciPy's {@code _smirnov} (xsf/cephes/kolmogorov.h): the special cases as there, otherwise the
 * Birnbaum–Tingey sum x Σ C(n, v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1) over v < n - floor(nx), stopped as
 * SciPy stops it once the rest cannot matter. SciPy works in double-double arithmetic; this adds up each
 * term's logarithm in double (the binomial's with compensated summation), which keeps at least 10 significant
 * digits for n up to a million (checked against SciPy).
 * Only the lower sum is ported: the upper sum serves x ≤ 0.5 / sqrt(n), which the two-sided distribution
 * never asks for. Stateless.
 */
public final class SmirnovDistribution {
    private static final int MAX_COMPUTE_N = 1_000_000;
    private static final double MIN_LOG = -708.3964185322641;

    private SmirnovDistribution() {
    }

    /** P(D+_n ≥ x). */
    public static double sf(long n, double x) {
        if (!(n > 0 && x >= 0 && x <= 1)) {
            return Double.NaN;
        }
        if (n == 1) {
            return 1 - x;
        }
        if (x == 0) {
            return 1.0;
        }
        if (x == 1) {
            return 0.0;
        }
        double nx = n * x;
        double error = Math.fma(n, x, -nx);
        long nxFloor = (long) Math.floor(nx);
        if (nx == nxFloor && error < 0) {
            nxFloor--;
        }
        if (nxFloor == 0) {
            return clip(1 - x * Math.pow(1 + x, n - 1));
        }
        if (-2 * n * x * x < MIN_LOG) {
            return 0;
        }
        if (nxFloor >= n - 1) {
            return clip(Math.pow(1 - x, n));
        }
        if (n > MAX_COMPUTE_N) {
            double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return clip(logp < -Math.log(2) ? Math.exp(logp) : 1 + Math.expm1(logp));
        }
        return clip(x * lowerSum(n, x, nx, error, nxFloor));
    }

    private static double lowerSum(long n, double x, double nx, double nxError, long nxFloor) {
        long terms = n - nxFloor;
        double sum = Math.exp(n * Math.log1p(-x)) / x;
        double logBinomial = 0;
        double lost = 0;
        for (long v = 1; v < terms; v++) {
            // log C(n, v), summed with Neumaier's compensation: a plain sum of a million logarithms drifts by 1e-8
            double step = Math.log((double) (n - v + 1) / v);
            double next = logBinomial + step;
            lost += Math.abs(logBinomial) >= Math.abs(step) ? (logBinomial - next) + step : (step - next) + logBinomial;
            logBinomial = next;
            // log(1 - x - v/n) through log1p, so that the large power n - v does not magnify a rounding error of 1 - ...
            double logBelow = Math.log1p(-((v + nx) + nxError) / n);
            double logTerm = logBinomial + ((n - v) * logBelow + (v - 1) * Math.log(x + (double) v / n) + lost);
            double term = Math.exp(logTerm);
            sum += term;
            if (term != 0 && 4 * (terms - v) * term < Math.ulp(1.0) * sum && v != terms - 1) {
                break;
            }
            if (term == 0 && v > n / 2) {
                break;
            }
        }
        return sum;
    }

    private static double clip(double p) {
        return Math.min(1, Math.max(0, p));
    }
}
