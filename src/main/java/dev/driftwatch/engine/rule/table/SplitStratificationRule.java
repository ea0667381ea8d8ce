package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.rule.Shares;
import dev.driftwatch.engine.dataset.ReferencePolicy;
import dev.driftwatch.engine.profile.LabelSummary;
import dev.driftwatch.engine.profile.SplitProfile;
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
import java.util.TreeSet;

/**
 * {@code split_stratification}: every split's label distribution is alike the base split's (the
 * dataset's reference split, else {@code train}, else the largest): the largest difference in a
 * class's share is at most {@code maxShareDifference} (default 0.05, five percentage points). A split
 * without labels (a Kaggle test file) cannot be compared: an {@code error} result, not a difference of 100%.
 */
public record SplitStratificationRule(String name, Severity severity, double maxShareDifference) implements Rule {
    public SplitStratificationRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Shares.require(maxShareDifference, "max_share_difference");
    }

    @Override
    public String kind() {
        return "split_stratification";
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        var splits = context.current().splits();
        if (splits.size() < 2) {
            return List.of(RuleResult.error(this, null, null, "expected at least two splits to compare but found "
                    + splits.size()));
        }
        ReferencePolicy policy = context.dataset().reference();
        String base = policy.kind() == ReferencePolicy.Kind.SPLIT && splits.containsKey(policy.split()) ? policy.split()
                : splits.containsKey("train") ? "train"
                : splits.values().stream().max(java.util.Comparator.comparingLong(SplitProfile::rows)).orElseThrow().split();
        var baseLabels = splits.get(base).labels();
        if (baseLabels.isEmpty()) {
            return List.of(RuleResult.error(this, null, null,
                    "expected a label or tags column (columns.label or columns.tags) but the dataset declares none"));
        }
        List<RuleResult> results = new ArrayList<>();
        String column = baseLabels.get().column();
        splits.forEach((split, profile) -> {
            if (split.equals(base)) {
                return;
            }
            var labels = profile.labels().filter(l -> l.total() > 0);
            if (baseLabels.get().total() == 0 || labels.isEmpty()) {
                String unlabelled = labels.isEmpty() ? split : base;
                results.add(RuleResult.error(this, column, split, "split " + unlabelled + " has no " + column
                        + " values, so the class shares of " + split + " and " + base + " cannot be compared."));
            } else {
                results.add(judge(baseLabels.get(), base, labels.get(), split));
            }
        });
        return results;
    }

    private RuleResult judge(LabelSummary base, String baseSplit, LabelSummary other, String split) {
        Map<String, Double> a = base.shares();
        Map<String, Double> b = other.shares();
        TreeSet<String> classes = new TreeSet<>(a.keySet());
        classes.addAll(b.keySet());
        String worst = null;
        double difference = 0;
        List<Evidence> evidence = new ArrayList<>();
        for (String c : classes) {
            double d = Math.abs(a.getOrDefault(c, 0.0) - b.getOrDefault(c, 0.0));
            if (worst == null || d > difference) {
                worst = c;
                difference = d;
            }
        }
        for (String c : classes) {
            evidence.add(Evidence.of("class", c, baseSplit, Ratios.percent(a.getOrDefault(c, 0.0)),
                    split, Ratios.percent(b.getOrDefault(c, 0.0))));
        }
        boolean violated = difference > maxShareDifference;
        String message = base.column() + ": the class share differs most for " + worst + ", "
                + Ratios.percent(a.getOrDefault(worst, 0.0)) + " in " + baseSplit + " and "
                + Ratios.percent(b.getOrDefault(worst, 0.0)) + " in " + split
                + (violated ? "; at most " + Ratios.percent(maxShareDifference) + " points apart allowed." : ".");
        return RuleResult.judged(this, violated, base.column(), split, difference, maxShareDifference, message, evidence);
    }
}
