package dev.driftwatch.engine.run;

import dev.driftwatch.engine.cost.Cost;
import java.util.Objects;

/**
 * What one rule cost in a run.
 *
 * @param rows       what its row check cost on the thread that fed it rows during the profiling pass, and completing it
 *                   after the pass (an equal share when several rules share one check); zero for a rule without a row
 *                   check
 * @param evaluation what its {@code evaluate} cost
 */
public record RuleCost(String rule, String kind, Cost rows, Cost evaluation) {
    public RuleCost {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(evaluation, "evaluation");
    }

    public Cost total() {
        return rows.plus(evaluation);
    }
}
