package dev.driftwatch.engine.rule.drift;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * The drift methods, by short id. Tests ({@code ks}, {@code chi2}) give a p-value, judged against the
 * false-discovery rate after Benjamini–Hochberg; effect sizes ({@code wasserstein}, {@code psi},
 * {@code js}) are judged against their default threshold, because on large samples every p-value is
 * tiny. Numbers compare by their exact values when both profiles kept them ({@link ExactComparison}, SciPy's
 * figures), else by their sketches ({@link SketchComparison}, marked as estimates). Thread-safe.
 */
public enum DriftMethod {
    /** Kolmogorov–Smirnov two-sample test (numeric): D and SciPy's p-value; threshold is the false-discovery rate. */
    KS(0.05, true, false) {
        @Override
        Score numeric(NumericDistribution reference, NumericDistribution current) {
            boolean exact = reference.exact().isPresent() && current.exact().isPresent();
            double[] d = exact ? new double[] {ExactComparison.ks(reference.exact().get(), current.exact().get()), Double.NaN}
                    : SketchComparison.ks(reference.sketch(), current.sketch());
            double[] tested = KsTest.of(reference.count(), current.count(), d[0]);
            Score score = Score.test(tested[0], Math.min(1, Math.max(0, tested[1])), tested[0]);
            return exact ? score : score.estimated(d[1]);
        }
    },
    /** Wasserstein-1 distance divided by the reference's standard deviation (n - 1) (numeric). */
    WASSERSTEIN(0.1, false, false) {
        @Override
        Score numeric(NumericDistribution reference, NumericDistribution current) {
            boolean exact = reference.exact().isPresent() && current.exact().isPresent();
            double[] w = exact ? new double[] {ExactComparison.wasserstein(reference.exact().get(), current.exact().get()), 0}
                    : SketchComparison.wasserstein(reference.sketch(), current.sketch());
            double std = reference.stdDev();
            double scale = std > 0 ? std : 1;
            Score score = new Score(w[0], Double.NaN, w[0] / scale, true, Double.NaN);
            return exact ? score : score.estimated(w[1] / scale);
        }
    },
    /** Population stability index, ten reference-decile bins or the categories (numeric and categorical). */
    PSI(0.2, false, true) {
        @Override
        Score numeric(NumericDistribution reference, NumericDistribution current) {
            if (reference.exact().isPresent() && current.exact().isPresent()) {
                return Score.effect(ExactComparison.psi(reference.exact().get(), current.exact().get()));
            }
            return Score.effect(SketchComparison.psi(reference.sketch(), current.sketch())).estimated(Double.NaN);
        }

        @Override
        Score categorical(long[] reference, long[] current) {
            double refTotal = Arrays.stream(reference).sum();
            double curTotal = Arrays.stream(current).sum();
            double psi = 0;
            for (int k = 0; k < reference.length; k++) {
                psi += ExactComparison.term(reference[k] / refTotal, current[k] / curTotal);
            }
            return Score.effect(psi);
        }
    },
    /** Chi-square test of homogeneity (categorical), with Cramér's V as its distance; threshold is the false-discovery rate. */
    CHI2(0.05, true, true) {
        @Override
        Score categorical(long[] reference, long[] current) {
            if (reference.length < 2) {
                return Score.test(0, 1, 0);
            }
            var chi = new ChiSquareTest();
            double statistic = chi.chiSquareDataSetsComparison(reference, current);
            double total = Arrays.stream(reference).sum() + Arrays.stream(current).sum();
            // Cramér's V of the 2 x k table: sqrt(chi2 / (N (min(2, k) - 1)))
            return Score.test(statistic, chi.chiSquareTestDataSetsComparison(reference, current), Math.sqrt(statistic / total));
        }
    },
    /** Jensen–Shannon distance in base 2, in [0, 1] (categorical). */
    JS(0.1, false, true) {
        @Override
        Score categorical(long[] reference, long[] current) {
            double refTotal = Arrays.stream(reference).sum();
            double curTotal = Arrays.stream(current).sum();
            double divergence = 0;
            for (int k = 0; k < reference.length; k++) {
                double p = reference[k] / refTotal;
                double q = current[k] / curTotal;
                double m = (p + q) / 2;
                divergence += (p > 0 ? p * log2(p / m) : 0) / 2 + (q > 0 ? q * log2(q / m) : 0) / 2;
            }
            return Score.effect(Math.sqrt(Math.max(0, divergence)));
        }
    };

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
        throw new IllegalArgumentException("method " + id() + " does not apply to numbers");
    }

    Score categorical(long[] reference, long[] current) {
        throw new IllegalArgumentException("method " + id() + " does not apply to categories");
    }

    /** Counts by category, both sides over the union of their categories in name order. */
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
        return categorical(ref, cur);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
