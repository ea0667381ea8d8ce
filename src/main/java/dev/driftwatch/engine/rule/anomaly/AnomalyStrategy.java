package dev.driftwatch.engine.rule.anomaly;

import dev.driftwatch.engine.rule.ExpectedRange;

/**
 * How an {@code anomaly} rule turns a figure's history into the range it expects now. One file per strategy;
 * implementations are immutable records.
 */
public interface AnomalyStrategy {
    /** The strategy's id as written in rules files ({@code z_score}, ...). */
    String id();

    /** The fewest earlier values this strategy can judge with, unless the rule asks for more. */
    int leastHistory();

    /**
     * The range expected for {@code current}.
     *
     * @param history the earlier values, oldest first; at least {@link #leastHistory()} of them
     * @param current the value being judged (only {@link OnlineNormalStrategy} uses it, as Deequ does)
     */
    ExpectedRange expected(double[] history, double current);
}
