package dev.driftwatch.engine.rule.drift.ks;

/**
 * The exact two-sided p-value of the two-sample Kolmogorov–Smirnov statistic, P(D ≥ d) for samples of n1
 * and n2 values with no ties: SciPy's {@code _attempt_exact_2kssamp} (scipy/stats/_stats_py.py) with
 * {@code _compute_prob_outside_square} for n1 = n2 and {@code _compute_outer_prob_inside_method}
 * (scipy/stats/_stats_pythran.py; Hodges 1958, with Viehmann's 2021 recursion for 1 - p) otherwise, in the
 * same floating-point steps. Stateless.
 */
public final class TwoSampleExact {
    private TwoSampleExact() {
    }

    /**
     * @param d the statistic as measured
     * @return d rounded to a multiple of 1 / lcm(n1, n2) as SciPy returns it, and the p-value, or NaN where
     *         SciPy's exact computation fails (it then falls back to the asymptotic distribution)
     */
    public static double[] attempt(int n1, int n2, double d) {
        int g = gcd(n1, n2);
        long lcm = (long) (n1 / g) * n2;
        long h = (long) Math.rint(d * lcm);
        double rounded = h * 1.0 / lcm;
        if (h == 0) {
            return new double[] {rounded, 1.0};
        }
        double p = n1 == n2 ? outsideSquare(n1, (int) h) : outerInside(n1, n2, g, h);
        return new double[] {rounded, Double.isFinite(p) && p >= 0 && p <= 1 ? p : Double.NaN};
    }

    /** {@code _compute_prob_outside_square(n, h)}: P(D_{n,n} ≥ h/n) by a Horner-like alternating sum. */
    static double outsideSquare(int n, int h) {
        double total = 0.0;
        long k = (long) Math.floor((double) n / h);
        while (k >= 0) {
            double p1 = 1.0;
            for (int j = 0; j < h; j++) {
                p1 = (double) (n - k * h - j) * p1 / (double) (n + k * h + j + 1);
            }
            total = p1 * (1.0 - total);
            k--;
        }
        return 2 * total;
    }

    /** {@code _compute_outer_prob_inside_method(m, n, g, h)}: the share of lattice paths that leave the band. */
    static double outerInside(int first, int second, int g, long h) {
        int m = Math.max(first, second);
        int n = Math.min(first, second);
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1);
        int curlen = maxj - minj;
        int lenA = Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        java.util.Arrays.fill(a, 1.0);
        java.util.Arrays.fill(a, minj, maxj, 0.0);
        for (int i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                int j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                java.util.Arrays.fill(a, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)), 1.0);
            }
        }
        return a[maxj - minj - 1];
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
