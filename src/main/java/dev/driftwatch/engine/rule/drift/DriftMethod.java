package dev.driftwatch.engine.rule.drift;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The drift methods, by short id. Tests ({@code ks}, {@code chi2}) give a p-value, judged against the
 * false-discovery rate after Benjamini–Hochberg; effect sizes ({@code wasserstein}, {@code psi},
 * {@code js}) are judged against their default threshold, because on large samples every p-value is
 * tiny. Thread-safe.
 */
public enum DriftMethod {
    /** Kolmogorov–Smirnov two-sample test (numeric); threshold is the false-discovery rate. */
    KS(0.05, true, false),
    /** Wasserstein-1 distance divided by the reference's standard deviation (numeric). */
    WASSERSTEIN(0.1, false, false),
    /** Population stability index, ten reference-decile bins or the categories (numeric and categorical). */
    PSI(0.2, false, true),
    /** Chi-square test of homogeneity (categorical); threshold is the false-discovery rate. */
    CHI2(0.05, true, true),
    /** Jensen–Shannon distance in base 2, in [0, 1] (categorical). */
    JS(0.1, false, true);

    private static final int GRID = 1000;
    private static final double FLOOR = 1e-4;
    private final double defaultThreshold;
    private final boolean test;
    private final boolean categorical;

    DriftMethod(double defaultThreshold, boolean test, boolean categorical) {
        this.defaultThreshold = defaultThreshold;
        this.test = test;
        this.categorical = categorical;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** True for the tests that give p-values. */
    public boolean isTest() {
        return test;
    }

    public boolean appliesToCategories() {
        return categorical;
    }

    public boolean appliesToNumbers() {
        return this == KS || this == WASSERSTEIN || this == PSI;
    }

    public static DriftMethod of(String id) {
        for (DriftMethod method : values()) {
            if (method.id().equals(id)) {
                return method;
            }
        }
        throw new IllegalArgumentException("expected one of ks, wasserstein, psi, chi2, js but found " + id);
    }

    /** The default for numbers: a test for small references, an effect size above {@code smallSample} rows. */
    static DriftMethod numericDefault(long referenceCount, long smallSample) {
        return referenceCount <= smallSample ? KS : WASSERSTEIN;
    }

    static DriftMethod categoricalDefault(long referenceCount, long smallSample) {
        return referenceCount <= smallSample ? CHI2 : JS;
    }

    Score numeric(NumericDistribution reference, NumericDistribution current) {
        if (this == KS) {
            double d = 0;
            for (int i = 0; i <= GRID; i++) {
                double rank = (double) i / GRID;
                for (double x : new double[]{reference.quantile(rank), current.quantile(rank)}) {
                    d = Math.max(d, Math.abs(reference.cdf(x) - current.cdf(x)));
                }
            }
            int n = (int) Math.min(Integer.MAX_VALUE, reference.count());
            int m = (int) Math.min(Integer.MAX_VALUE, current.count());
            var ks = new KolmogorovSmirnovTest();
            double p = (long) n * m <= 1_000_000 ? ks.exactP(d, n, m, false) : ks.approximateP(d, n, m);
            return new Score(d, Math.min(1, Math.max(0, p)));
        }
        if (this == WASSERSTEIN) {
            double sum = 0;
            for (int i = 0; i < GRID; i++) {
                double rank = (i + 0.5) / GRID;
                sum += Math.abs(reference.quantile(rank) - current.quantile(rank));
            }
            double distance = sum / GRID;
            double std = reference.stdDev();
            return Score.effect(std > 0 ? distance / std : distance);
        }
        if (this == PSI) {
            double psi = 0;
            double previousRef = 0;
            double previousCur = 0;
            for (int bin = 1; bin <= 10; bin++) {
                double edge = bin == 10 ? Double.POSITIVE_INFINITY : reference.quantile(bin / 10.0);
                double ref = bin == 10 ? 1 : reference.cdf(edge);
                double cur = bin == 10 ? 1 : current.cdf(edge);
                psi += term(ref - previousRef, cur - previousCur);
                previousRef = ref;
                previousCur = cur;
            }
            return Score.effect(psi);
        }
        throw new IllegalArgumentException("method " + id() + " does not apply to numbers");
    }

    Score categorical(Map<String, Long> reference, Map<String, Long> current) {
        TreeSet<String> categories = new TreeSet<>(reference.keySet());
        categories.addAll(current.keySet());
        long[] ref = new long[categories.size()];
        long[] cur = new long[categories.size()];
        int i = 0;
        for (String category : categories) {
            ref[i] = reference.getOrDefault(category, 0L);
            cur[i++] = current.getOrDefault(category, 0L);
        }
        double refTotal = java.util.Arrays.stream(ref).sum();
        double curTotal = java.util.Arrays.stream(cur).sum();
        if (this == CHI2) {
            if (categories.size() < 2) {
                return new Score(0, 1);
            }
            var chi = new ChiSquareTest();
            return new Score(chi.chiSquareDataSetsComparison(ref, cur), chi.chiSquareTestDataSetsComparison(ref, cur));
        }
        if (this == PSI) {
            double psi = 0;
            for (int k = 0; k < ref.length; k++) {
                psi += term(ref[k] / refTotal, cur[k] / curTotal);
            }
            return Score.effect(psi);
        }
        if (this == JS) {
            double divergence = 0;
            for (int k = 0; k < ref.length; k++) {
                double p = ref[k] / refTotal;
                double q = cur[k] / curTotal;
                double m = (p + q) / 2;
                divergence += (p > 0 ? p * log2(p / m) : 0) / 2 + (q > 0 ? q * log2(q / m) : 0) / 2;
            }
            return Score.effect(Math.sqrt(Math.max(0, divergence)));
        }
        throw new IllegalArgumentException("method " + id() + " does not apply to categories");
    }

    private static double term(double reference, double current) {
        double r = Math.max(reference, FLOOR);
        double c = Math.max(current, FLOOR);
        return (c - r) * Math.log(c / r);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
