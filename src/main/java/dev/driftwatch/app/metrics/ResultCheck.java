package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.rule.RuleResult;

/**
 * The {@code check} and {@code column} labels of a result. {@code check} says which measurement of its rule it
 * is, for rules that report several results on the same column and split ({@link RuleResult#check()}: the drift
 * method of a {@code distribution_shift} result, the check of an {@code unseen_tags} result; for
 * {@code split_leakage}, the matching method, which the engine puts in the result's column), else empty.
 * {@code column} holds column names only. Both bounded: a handful of values. Stateless.
 */
public final class ResultCheck {
    private static final String SPLIT_LEAKAGE = "split_leakage";

    private ResultCheck() {
    }

    public static String of(RuleResult result) {
        if (result.check() != null) {
            return result.check();
        }
        return SPLIT_LEAKAGE.equals(result.kind()) && result.column() != null ? result.column() : "";
    }

    /** The column the result is about, or null; never a leakage method. */
    public static String column(RuleResult result) {
        return SPLIT_LEAKAGE.equals(result.kind()) ? null : result.column();
    }
}
