package dev.driftwatch.engine.rule.drift;

/**
 * What a drift method measured.
 *
 * @param statistic the method's statistic (KS D, Wasserstein-1 distance in the column's units, PSI, chi-square, JS distance)
 * @param pValue    for the tests (ks, chi2) the p-value, else NaN
 * @param distance  the effect size, higher meaning more drift (KS D, normalised Wasserstein, PSI, Cramér's V, JS distance)
 * @param exact     true when computed from exact values or counts
 * @param error     for an estimate, the most the distance can be off; NaN when exact or unknown
 */
record Score(double statistic, double pValue, double distance, boolean exact, double error) {
    static Score test(double statistic, double pValue, double distance) {
        return new Score(statistic, pValue, distance, true, Double.NaN);
    }

    static Score effect(double statistic) {
        return new Score(statistic, Double.NaN, statistic, true, Double.NaN);
    }

    /** The same figures, marked as an estimate from a sketch with the given error bound (NaN: unknown). */
    Score estimated(double bound) {
        return new Score(statistic, pValue, distance, false, bound);
    }
}
