package dev.driftwatch.engine.rule.rows;

import dev.driftwatch.engine.rule.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * What {@code split_leakage} found in one mode for one pair of splits, when rows were grouped elsewhere (the Spark
 * runner): how many rows of the later split the earlier split also has, and the evidence of the first of them in
 * snapshot order (at most the rule's {@code max_evidence}, built by {@link SplitLeakageRule#leakEvidence}).
 */
public record SplitLeaks(LeakageMode mode, String earlier, String later, long rows, List<Evidence> shown) {
    public SplitLeaks {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(later, "later");
        if (rows < 0) {
            throw new IllegalArgumentException("rows: expected a count of at least 0 but found " + rows);
        }
        shown = List.copyOf(shown);
    }
}
