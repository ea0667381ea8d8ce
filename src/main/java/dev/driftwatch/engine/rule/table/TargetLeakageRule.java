package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code target_leakage}: no single feature predicts the label almost perfectly. For each feature, the
 * rows are grouped by its value (numbers into ten quantile bins) and each group predicts its majority
 * label; the predictive power is that accuracy's gain over always predicting the majority class,
 * scaled to [0, 1] ((acc − base) / (1 − base)). Features with a distinct value for more than half the
 * rows (ids, free text) are skipped, because memorising them says nothing. Reads the first 50,000 rows
 * of each split (a deterministic sample; memory bounded by it).
 *
 * @param features the features (default: every column but the id, label and tags)
 * @param maxPower the largest allowed predictive power (default 0.95)
 */
public record TargetLeakageRule(String name, Severity severity, List<String> features, String label, double maxPower)
        implements Rule {
    static final int SAMPLE = 50_000;

    public TargetLeakageRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        features = features == null ? List.of() : List.copyOf(features);
        if (maxPower <= 0 || maxPower > 1) {
            throw new IllegalArgumentException("max_power: expected a value above 0 and at most 1 but found " + maxPower);
        }
    }

    @Override
    public String kind() {
        return "target_leakage";
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
        String target = label != null ? label : dataset.columns().label();
        if (target == null) {
            return Optional.empty();
        }
        var roles = dataset.columns();
        Set<String> notFeatures = new HashSet<>(Arrays.asList(target, roles.id(), roles.tags()));
        notFeatures.remove(null);
        return Optional.of(new LabelledSample(target, features, notFeatures, SAMPLE));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        if (!(rowCheck instanceof LabelledSample sample)) {
            return List.of(RuleResult.error(this, null, null,
                    "expected a label column (columns.label or label on the rule) but found none"));
        }
        if (sample.size() == 0) {
            return List.of(RuleResult.error(this, sample.label, null, "there are no labelled rows to learn from"));
        }
        List<RuleResult> results = new ArrayList<>();
        sample.powers().forEach((feature, p) -> {
            boolean violated = p.power() > maxPower;
            String message = String.format(Locale.ROOT, "%s alone predicts %s for %.1f%% of %,d rows (always guessing "
                            + "the majority class: %.1f%%); predictive power %.3f%s", feature, sample.label,
                    p.accuracy() * 100, sample.size(), p.baseline() * 100, p.power(),
                    violated ? ", above the allowed " + maxPower + ": it may leak the label." : ".");
            results.add(RuleResult.judged(this, violated, feature, null, p.power(), maxPower, message,
                    p.groups().stream().limit(5).map(g -> Evidence.of(feature, g[0], sample.label, g[1], "rows", g[2]))
                            .toList()));
        });
        if (results.isEmpty()) {
            results.add(RuleResult.error(this, null, null, "expected features with repeated values but every candidate "
                    + "is unique per row (ids or free text)"));
        }
        return results;
    }
}
