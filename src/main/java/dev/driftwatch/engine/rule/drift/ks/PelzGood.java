package dev.driftwatch.engine.rule.drift.ks;

/**
 * The Pelz–Good (1976) approximation of P(D_n ≤ x) for the two-sided one-sample Kolmogorov–Smirnov
 * statistic: SciPy's {@code _kolmogn_PelzGood} (scipy/stats/_ksstats.py), the Li-Chien/Korolyuk expansion
 * K0 + K1/√n + K2/n + K3/n^1.5 in its Jacobi-theta form for small z = x√n. Stateless.
 */
public final class PelzGood {
    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double PI_FOUR = Math.pow(Math.PI, 4);
    private static final double PI_SIX = Math.pow(Math.PI, 6);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double SQRT3 = Math.sqrt(3);
    private static final double MIN_LOG = -708;

    private PelzGood() {
    }

    public static double cdf(long n, double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = Math.sqrt((double) n) * x;
        double zsquared = z * z;
        double zthree = z * z * z;
        double zfour = Math.pow(z, 4);
        double zsix = Math.pow(z, 6);
        double qlog = -PI_SQUARED / 8 / zsquared;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -zsquared;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * zsix + 2 * zfour;
        double k2b = (2 * zfour - 5 * zsquared) * PI_SQUARED / 4;
        double k2c = PI_FOUR * (1 - 2 * zsquared) / 16;
        double k3d = PI_SIX * (5 - 30 * zsquared) / 64;
        double k3c = PI_FOUR * (-60 * zsquared + 212 * zfour) / 16;
        double k3b = PI_SQUARED * (135 * zfour - 96 * zsix) / 4;
        double k3a = -30 * zsix - 90 * Math.pow(z, 8);
        double[] k0to3 = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxk; k > 0; k--) {
            double m = 2.0 * k - 1;
            double msquared = m * m;
            double mfour = Math.pow(m, 4);
            double msix = Math.pow(m, 6);
            double qpower = Math.pow(q, 8.0 * k);
            double[] coefficients = {1.0, k1a + k1b * msquared, k2a + k2b * msquared + k2c * mfour,
                    k3a + k3b * msquared + k3c * mfour + k3d * msix};
            for (int i = 0; i < 4; i++) {
                k0to3[i] = k0to3[i] * qpower + coefficients[i];
            }
        }
        double[] divisors = {z, 6 * zfour, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            k0to3[i] = k0to3[i] * q * SQRT_2PI / divisors[i];
        }
        double q2 = Math.exp(-PI_SQUARED / 2 / zsquared);
        double k2extra = 0;
        double k3extra = 0;
        double sqrt3z = SQRT3 * z;
        for (int k = maxk; k > 0; k--) {
            double ksquared = (double) k * k;
            double qpower = Math.pow(q2, ksquared);
            double kspi = Math.PI * k;
            k2extra += ksquared * qpower;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpower;
        }
        k0to3[2] += k2extra * (PI_SQUARED * SQRT_2PI / (-36 * zthree));
        k0to3[3] += k3extra * (PI_SQUARED * SQRT_2PI / (216 * zsix));
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += k0to3[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }
}
