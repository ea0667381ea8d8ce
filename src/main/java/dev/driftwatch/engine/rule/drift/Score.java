package dev.driftwatch.engine.rule.drift;

/**
 * What a drift method measured.
 *
 * @param statistic the method's statistic (KS D, normalised Wasserstein distance, PSI, chi-square, JS distance)
 * @param pValue    for the tests (ks, chi2) the p-value, else NaN
 */
record Score(double statistic, double pValue) {
    static Score effect(double statistic) {
        return new Score(statistic, Double.NaN);
    }
}
