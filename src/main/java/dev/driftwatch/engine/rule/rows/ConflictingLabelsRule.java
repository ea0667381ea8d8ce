package dev.driftwatch.engine.rule.rows;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Fingerprint;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.RowValues;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.TextNormalisation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code conflicting_labels}: groups of rows, across all splits, whose inputs are equal after
 * normalisation but whose label (or tag set, order and repeats ignored) differs. Such groups teach a
 * model two answers for one question; a row without a label (an unlabelled test split) gives no answer
 * and joins no group. Memory: per distinct input, a fingerprint, the first row's id,
 * line and labels; full member lists only for the first {@code maxEvidence} conflicting groups.
 *
 * @param inputs    the columns compared (default: the dataset's inputs)
 * @param label     the label or tags column (default: the dataset's label, else its tags)
 * @param maxGroups the number of conflicting groups tolerated (default 0)
 */
public record ConflictingLabelsRule(String name, Severity severity, List<String> inputs, String label,
                                    TextNormalisation normalisation, long maxGroups, int maxEvidence) implements Rule {
    public ConflictingLabelsRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(normalisation, "normalisation");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        if (maxGroups < 0) {
            throw new IllegalArgumentException("max_groups: expected 0 or more but found " + maxGroups);
        }
    }

    @Override
    public String kind() {
        return "conflicting_labels";
    }

    private List<String> inputsOf(ColumnRoles roles) {
        return inputs.isEmpty() ? roles.inputs() : inputs;
    }

    private String labelOf(ColumnRoles roles) {
        return label != null ? label : roles.label() != null ? roles.label() : roles.tags();
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
        List<String> in = inputsOf(dataset.columns());
        String target = labelOf(dataset.columns());
        return in.isEmpty() || target == null ? Optional.empty()
                : Optional.of(new Groups(in, target, dataset.columns().id()));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        ColumnRoles roles = context.dataset().columns();
        if (!(rowCheck instanceof Groups groups)) {
            return List.of(RuleResult.error(this, null, null,
                    "expected input columns and a label or tags column (declare columns.inputs and columns.label"
                            + " or columns.tags, or set inputs and label on the rule) but found none"));
        }
        String missing = groups.inputs.stream().filter(c -> !groups.seen.contains(c)).findFirst()
                .orElse(groups.seen.contains(groups.label) ? null : groups.label);
        if (missing != null && groups.rows > 0) {
            return List.of(RuleResult.error(this, missing, null, "column '" + missing + "' is not in this snapshot"));
        }
        long conflicting = groups.conflictingGroups;
        String what = String.join(" and ", groups.inputs);
        String message = Ratios.count(conflicting) + " group" + (conflicting == 1 ? "" : "s") + " of rows ("
                + Ratios.count(groups.rowsInConflict) + " rows of " + Ratios.count(groups.rows) + ") have the same "
                + what + (normalisation.isNone() ? "" : " after normalising " + normalisation.describe())
                + " but disagree on " + groups.label
                + (conflicting > maxGroups ? "; at most " + Ratios.count(maxGroups) + " allowed." : ".");
        List<Evidence> evidence = new ArrayList<>();
        groups.examples.values().forEach(evidence::addAll);
        return List.of(RuleResult.judged(this, conflicting > maxGroups, groups.label, null, (double) conflicting,
                (double) maxGroups, message, evidence));
    }

    /** The first row of a distinct input, and whether a later row disagreed with it. */
    private static final class Group {
        final long labels;
        final Evidence first;
        boolean conflicting;

        Group(long labels, Evidence first) {
            this.labels = labels;
            this.first = first;
        }
    }

    private static Evidence numbered(Evidence e, int group) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("group", String.valueOf(group));
        values.putAll(e.values());
        return new Evidence(e.source(), e.line(), e.id(), values);
    }

    private final class Groups implements RowCheck {
        private final List<String> inputs;
        private final String label;
        private final String idColumn;
        private final Map<Long, Group> byInput = new HashMap<>();
        private final Map<Long, List<Evidence>> examples = new LinkedHashMap<>();
        private final java.util.Set<String> seen = new java.util.HashSet<>();
        private Header lastHeader;
        private long rows;
        private long conflictingGroups;
        private long rowsInConflict;

        Groups(List<String> inputs, String label, String idColumn) {
            this.inputs = inputs;
            this.label = label;
            this.idColumn = idColumn;
        }

        @Override
        public void accept(Row row) {
            rows++;
            if (row.header() != lastHeader) {
                lastHeader = row.header();
                seen.addAll(lastHeader.names());
            }
            String labels = RowValues.labelSet(row, label);
            if (labels.isEmpty()) {
                return;
            }
            long key = Fingerprint.of(RowValues.normalised(row, inputs, normalisation));
            long labelPrint = Fingerprint.of(labels);
            Group group = byInput.get(key);
            if (group == null) {
                byInput.put(key, new Group(labelPrint, evidence(row, labels)));
                return;
            }
            boolean differs = group.labels != labelPrint;
            if (!group.conflicting && !differs) {
                return;
            }
            if (!group.conflicting) {
                group.conflicting = true;
                conflictingGroups++;
                rowsInConflict++;
                if (examples.size() < maxEvidence) {
                    examples.put(key, new ArrayList<>(List.of(numbered(group.first, examples.size() + 1))));
                }
            }
            rowsInConflict++;
            List<Evidence> members = examples.get(key);
            if (members != null && members.size() < 10) {
                members.add(numbered(evidence(row, labels), List.copyOf(examples.keySet()).indexOf(key) + 1));
            }
        }

        private Evidence evidence(Row row, String labels) {
            Evidence e = RowValues.evidence(row, idColumn, inputs);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("split", row.split());
            values.putAll(e.values());
            values.put(label, labels);
            return new Evidence(e.source(), e.line(), e.id(), values);
        }
    }
}
