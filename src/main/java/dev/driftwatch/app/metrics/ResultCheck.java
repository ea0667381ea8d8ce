package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.rule.RuleResult;

/**
 * The {@code check} label of a result: which measurement of its rule it is, for rules that report
 * several results on the same column and split ({@link RuleResult#check()}: the drift method of a
 * {@code distribution_shift} result, the check of an {@code unseen_tags} result), else empty.
 * Bounded: a handful of values. Stateless.
 */
public final class ResultCheck {
    private ResultCheck() {
    }

    public static String of(RuleResult result) {
        return result.check() == null ? "" : result.check();
    }
}
