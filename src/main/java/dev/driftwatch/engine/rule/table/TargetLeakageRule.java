package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
        return target == null ? Optional.empty() : Optional.of(new LabelledSample(target, dataset));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        if (!(rowCheck instanceof LabelledSample sample)) {
            return List.of(RuleResult.error(this, null, null,
                    "expected a label column (columns.label or label on the rule) but found none"));
        }
        if (sample.rows.isEmpty()) {
            return List.of(RuleResult.error(this, sample.label, null, "there are no labelled rows to learn from"));
        }
        List<RuleResult> results = new ArrayList<>();
        for (String feature : sample.features()) {
            var power = FeaturePower.of(sample.rows, sample.columnIndex(feature), sample.labelIndex());
            if (power.isEmpty()) {
                continue;
            }
            FeaturePower p = power.get();
            boolean violated = p.power() > maxPower;
            String message = String.format(Locale.ROOT, "%s alone predicts %s for %.1f%% of %,d rows (always guessing "
                            + "the majority class: %.1f%%); predictive power %.3f%s", feature, sample.label,
                    p.accuracy() * 100, sample.rows.size(), p.baseline() * 100, p.power(),
                    violated ? ", above the allowed " + maxPower + ": it may leak the label." : ".");
            results.add(RuleResult.judged(this, violated, feature, null, p.power(), maxPower, message,
                    p.groups().stream().limit(5).map(g -> new Evidence(null, 0, null, Map.of(feature, g[0], sample.label, g[1], "rows", g[2])))
                            .toList()));
        }
        if (results.isEmpty()) {
            results.add(RuleResult.error(this, null, null, "expected features with repeated values but every candidate "
                    + "is unique per row (ids or free text)"));
        }
        return results;
    }

    /** The first labelled rows of the snapshot (an unlabelled test file adds none): feature values and label, as text. */
    private final class LabelledSample implements RowCheck {
        final String label;
        private final DatasetDefinition dataset;
        private List<String> header;
        final List<String[]> rows = new ArrayList<>();

        LabelledSample(String label, DatasetDefinition dataset) {
            this.label = label;
            this.dataset = dataset;
        }

        List<String> features() {
            if (header == null) {
                return List.of();
            }
            if (!features.isEmpty()) {
                return features;
            }
            var roles = dataset.columns();
            return header.stream().filter(c -> !c.equals(label) && !c.equals(roles.id()) && !c.equals(roles.tags())).toList();
        }

        int columnIndex(String column) {
            return header.indexOf(column);
        }

        int labelIndex() {
            return header.indexOf(label);
        }

        @Override
        public void accept(Row row) {
            if (rows.size() >= SAMPLE) {
                return;
            }
            String target = row.text(label);
            if (target == null || target.isBlank()) {
                return;
            }
            if (header == null) {
                header = row.header().names();
            }
            String[] values = new String[header.size()];
            for (int i = 0; i < values.length; i++) {
                Object v = row.get(header.get(i));
                values[i] = v == null ? null : row.text(header.get(i));
            }
            rows.add(values);
        }
    }
}
