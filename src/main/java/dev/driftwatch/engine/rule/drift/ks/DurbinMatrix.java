package dev.driftwatch.engine.rule.drift.ks;

/**
 * P(D_n ≤ d) of the two-sided one-sample Kolmogorov–Smirnov statistic, exactly, by Durbin's matrix as
 * Marsaglia, Tsang and Wang (2003) compute it: SciPy's {@code _kolmogn_DMTW} (scipy/stats/_ksstats.py), with
 * its scaling by powers of 2^128. Memory O(m²) and time O(m³ log n) for m = 2 ceil(nd) - 1. Stateless.
 */
public final class DurbinMatrix {
    private static final int E128 = 128;
    private static final double EP128 = Math.scalb(1.0, E128);
    private static final double EM128 = Math.scalb(1.0, -E128);

    private DurbinMatrix() {
    }

    public static double cdf(long n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[][] matrix = initial(h, m);
        double[][] power = identity(m);
        long nn = n;
        int exponent = 0;
        int matrixExponent = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                power = multiply(power, matrix);
                exponent += matrixExponent;
            }
            matrix = multiply(matrix, matrix);
            matrixExponent *= 2;
            if (Math.abs(matrix[k - 1][k - 1]) > EP128) {
                scale(matrix, EM128);
                matrixExponent += E128;
            }
            nn /= 2;
        }
        double p = power[k - 1][k - 1];
        for (long i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < EM128) {
                p *= EP128;
                exponent -= E128;
            }
        }
        if (exponent != 0) {
            p = Math.scalb(p, exponent);
        }
        return Math.min(1, Math.max(0, p));
    }

    /** H: v[j] = (1 - h^(j+1)) / (j+1)! in the first column and, reversed, the last row; w[j] = 1/j! below the diagonal. */
    private static double[][] initial(double h, int m) {
        double[] v = new double[m];
        double[] w = new double[m];
        double factorial = 1.0;
        for (int j = 1; j <= m; j++) {
            v[j - 1] = 1.0 - Math.pow(h, j);
            w[j - 1] = factorial;
            factorial /= j;
            v[j - 1] *= factorial;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * factorial;
        double[][] matrix = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int row = i - 1; row < m; row++) {
                matrix[row][i] = w[row - i + 1];
            }
        }
        for (int row = 0; row < m; row++) {
            matrix[row][0] = v[row];
        }
        for (int col = 0; col < m; col++) {
            matrix[m - 1][col] = v[m - 1 - col];
        }
        return matrix;
    }

    private static double[][] identity(int m) {
        double[][] identity = new double[m][m];
        for (int i = 0; i < m; i++) {
            identity[i][i] = 1.0;
        }
        return identity;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] product = new double[m][m];
        for (int i = 0; i < m; i++) {
            double[] row = product[i];
            for (int l = 0; l < m; l++) {
                double factor = a[i][l];
                if (factor == 0) {
                    continue;
                }
                double[] other = b[l];
                for (int j = 0; j < m; j++) {
                    row[j] += factor * other[j];
                }
            }
        }
        return product;
    }

    private static void scale(double[][] matrix, double factor) {
        for (double[] row : matrix) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }
}
