package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.profile.LabelSummary;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code class_balance}: per split, the label's (or tags') largest class over its smallest is at most
 * {@code maxImbalanceRatio}, and the smallest class holds at least {@code minMinorityShare} of the rows.
 * A single class is a failure: nothing to learn to tell apart. Reads the profile's label summary.
 */
public record ClassBalanceRule(String name, Severity severity, double maxImbalanceRatio, Double minMinorityShare)
        implements Rule {
    public ClassBalanceRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        if (maxImbalanceRatio < 1) {
            throw new IllegalArgumentException("max_imbalance_ratio: expected 1 or more but found " + maxImbalanceRatio);
        }
    }

    @Override
    public String kind() {
        return "class_balance";
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        List<RuleResult> results = new ArrayList<>();
        context.current().splits().forEach((split, profile) -> {
            var labels = profile.labels();
            if (labels.isEmpty()) {
                results.add(RuleResult.error(this, null, split,
                        "expected a label or tags column (columns.label or columns.tags) but the dataset declares none"));
            } else if (labels.get().counts().isEmpty()) {
                results.add(RuleResult.error(this, labels.get().column(), split, "split " + split + " has no labelled rows"));
            } else {
                results.add(judge(labels.get(), split));
            }
        });
        return results;
    }

    private RuleResult judge(LabelSummary labels, String split) {
        var counts = labels.counts();
        List<Evidence> evidence = counts.entrySet().stream().limit(10)
                .map(e -> new Evidence(null, 0, null, Map.of("class", e.getKey(), "rows", Ratios.share(e.getValue(), labels.total()))))
                .toList();
        if (counts.size() == 1) {
            return RuleResult.judged(this, true, labels.column(), split, 1.0,
                    maxImbalanceRatio, labels.column() + " in " + split + " has a single class, "
                            + counts.keySet().iterator().next() + ", so there is nothing to tell apart.", evidence);
        }
        double ratio = labels.imbalanceRatio();
        double minority = labels.minorityShare();
        String smallest = List.copyOf(counts.keySet()).get(counts.size() - 1);
        String largest = counts.keySet().iterator().next();
        boolean tooUneven = ratio > maxImbalanceRatio;
        boolean tooRare = minMinorityShare != null && minority < minMinorityShare;
        String message = String.format(java.util.Locale.ROOT, "%s in %s: the largest class (%s) has %.1f times the rows of the "
                        + "smallest (%s, %s of rows)%s", labels.column(), split, largest, ratio, smallest, Ratios.percent(minority),
                tooUneven ? "; at most " + maxImbalanceRatio + " times allowed."
                        : tooRare ? "; the smallest class needs at least " + Ratios.percent(minMinorityShare) + "." : ".");
        return RuleResult.judged(this, tooUneven || tooRare, labels.column(), split, ratio, maxImbalanceRatio, message, evidence);
    }
}
