package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code row_count}: rows per split (or in the whole snapshot) between {@code min} and {@code max}, and,
 * with {@code maxChange}, a relative change against the reference's same split of at most that much
 * (0.2 = 20% up or down).
 *
 * @param min       least rows, or null
 * @param max       most rows, or null
 * @param maxChange largest relative change vs the reference, or null
 * @param perSplit  one result per split (default) or one for the whole snapshot
 */
public record RowCountRule(String name, Severity severity, Long min, Long max, Double maxChange, boolean perSplit)
        implements Rule {
    public RowCountRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        if (min == null && max == null && maxChange == null) {
            throw new IllegalArgumentException("expected min, max or max_change but found none of them");
        }
        if (maxChange != null && maxChange < 0) {
            throw new IllegalArgumentException("max_change: expected 0 or more but found " + maxChange);
        }
    }

    @Override
    public String kind() {
        return "row_count";
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        List<RuleResult> results = new ArrayList<>();
        if (!perSplit) {
            long rows = context.current().rows();
            results.addAll(judge(context, null, rows, context.reference().map(r -> r.rows()).orElse(null)));
            return results;
        }
        context.current().splits().forEach((split, profile) -> results.addAll(judge(context, split, profile.rows(),
                context.reference().flatMap(r -> r.split(split)).map(s -> s.rows()).orElse(null))));
        return results;
    }

    private List<RuleResult> judge(EvaluationContext context, String split, long rows, Long reference) {
        List<RuleResult> results = new ArrayList<>();
        String where = split == null ? "the snapshot" : split;
        if (min != null || max != null) {
            boolean low = min != null && rows < min;
            boolean high = max != null && rows > max;
            String bounds = min != null && max != null ? "between " + Ratios.count(min) + " and " + Ratios.count(max)
                    : min != null ? "at least " + Ratios.count(min) : "at most " + Ratios.count(max);
            results.add(RuleResult.judged(this, low || high, null, split, (double) rows,
                    (double) (low || max == null ? min : max),
                    where + " has " + Ratios.count(rows) + " rows; " + bounds + " expected.", List.of()));
        }
        if (maxChange != null) {
            if (reference == null) {
                results.add(context.reference().isEmpty()
                        ? RuleResult.skipped(this, null, split, "there is no reference snapshot yet to compare the row count with")
                        : RuleResult.error(this, null, split, "the reference snapshot has no split '" + split + "'"));
            } else {
                double change = reference == 0 ? (rows == 0 ? 0 : Double.POSITIVE_INFINITY) : (double) (rows - reference) / reference;
                boolean violated = Math.abs(change) > maxChange;
                String message = where + " has " + Ratios.count(rows) + " rows, " + (change >= 0 ? "up " : "down ")
                        + (Double.isInfinite(change) ? "from none" : Ratios.percent(Math.abs(change)))
                        + " from " + Ratios.count(reference) + " in the reference"
                        + (violated ? "; at most " + Ratios.percent(maxChange) + " change allowed." : ".");
                results.add(RuleResult.judged(this, violated, null, split, Double.isInfinite(change) ? null : change,
                        maxChange, message, List.of()));
            }
        }
        return results;
    }
}
