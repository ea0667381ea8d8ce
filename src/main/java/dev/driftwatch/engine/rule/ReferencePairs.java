package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.dataset.ReferencePolicy;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The pairs a comparison rule compares, by the dataset's reference policy: each other split of this snapshot
 * against its reference split, or each split against the same split of the reference snapshot (previous or
 * pinned baseline, from its stored profile). With no reference snapshot yet (a dataset's first snapshot) the
 * rule is skipped; anything else that cannot be paired is an error result, never a silent pass.
 */
public final class ReferencePairs {
    private ReferencePairs() {
    }

    /** A split and what it is compared with; {@code against} names the reference in messages. */
    public record Pair(String split, SplitProfile current, SplitProfile reference, String against) {
    }

    /** Compares every pair; returns the comparisons' results, an error result for each pair that is missing, or one
     * skipped result when there is no reference snapshot yet. */
    public static List<RuleResult> compare(Rule rule, EvaluationContext context, Comparison comparison) {
        ReferencePolicy policy = context.dataset().reference();
        SnapshotProfile current = context.current();
        List<RuleResult> results = new ArrayList<>();
        if (policy.kind() == ReferencePolicy.Kind.SPLIT) {
            var base = current.split(policy.split());
            if (base.isEmpty()) {
                return List.of(RuleResult.error(rule, null, null, "expected reference split '" + policy.split()
                        + "' in this snapshot but found only " + current.splits().keySet()));
            }
            current.splits().forEach((split, profile) -> {
                if (!split.equals(policy.split())) {
                    results.addAll(comparison.compare(new Pair(split, profile, base.get(), "split " + policy.split())));
                }
            });
            if (current.splits().size() < 2) {
                return List.of(RuleResult.error(rule, null, null, "expected a split besides the reference split '"
                        + policy.split() + "' but found only " + current.splits().keySet()));
            }
            return results;
        }
        if (context.reference().isEmpty()) {
            return List.of(RuleResult.skipped(rule, null, null, "there is no reference snapshot yet to compare with"));
        }
        SnapshotProfile reference = context.reference().get();
        current.splits().forEach((split, profile) -> {
            var referenceSplit = reference.split(split);
            if (referenceSplit.isEmpty()) {
                results.add(RuleResult.error(rule, null, split, "the reference snapshot has no split '" + split + "'"));
            } else {
                results.addAll(comparison.compare(new Pair(split, profile, referenceSplit.get(),
                        "split " + split + " of the reference snapshot")));
            }
        });
        return results;
    }

    /** Compares one pair. */
    public interface Comparison {
        List<RuleResult> compare(Pair pair);
    }
}
