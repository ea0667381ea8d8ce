package dev.driftwatch.engine.rule;

import java.util.Objects;

/**
 * What a {@code distribution_shift} result measured, each quantity under its own name, so that charts,
 * metrics and alerts never mistake a p-value for a distance.
 *
 * @param method         the drift method id ({@code ks}, {@code wasserstein}, {@code psi}, {@code chi2}, {@code js})
 * @param statistic      the method's statistic: KS D, the Wasserstein-1 distance in the column's units, PSI,
 *                       chi-square, JS distance
 * @param pValue         the test's p-value (ks, chi2), else null
 * @param adjustedPValue the p-value after Benjamini–Hochberg over the tests of one comparison (ks, chi2), else null
 * @param distance       the effect size, higher meaning more drift: KS D, Wasserstein-1 divided by the reference's
 *                       standard deviation, PSI, Cramér's V (chi2), JS distance
 * @param exact          true when computed from exact values and counts; false when from a sketch
 * @param error          for an estimate, the most the distance can be off (for ks, the statistic too), where known; else null
 */
public record DriftMeasure(String method, double statistic, Double pValue, Double adjustedPValue, double distance,
                           boolean exact, Double error) {
    public DriftMeasure {
        Objects.requireNonNull(method, "method");
        if ((pValue == null) != (adjustedPValue == null)) {
            throw new IllegalArgumentException("expected a p-value and its adjusted value together but found "
                    + pValue + " and " + adjustedPValue);
        }
        if (exact && error != null) {
            throw new IllegalArgumentException("expected no error bound on an exact measure but found " + error);
        }
    }

    /** True for the methods that test (ks, chi2) and so have p-values. */
    public boolean isTest() {
        return pValue != null;
    }
}
