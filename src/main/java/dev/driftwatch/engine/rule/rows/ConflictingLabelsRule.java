package dev.driftwatch.engine.rule.rows;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Fingerprint;
import dev.driftwatch.engine.rule.NormalisedInputs;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.RowValues;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.TextNormalisation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code conflicting_labels}: groups of rows, across all splits, whose inputs are equal after
 * normalisation but whose label (or tag set, order and repeats ignored) differs. Such groups teach a
 * model two answers for one question; a row without a label (an unlabelled test split) gives no answer
 * and joins no group. A conflicting group counts all its rows, whatever their order (joy, joy, joy, sadness,
 * sadness is one group of 5 rows). Memory: per distinct input, no object: its fingerprint and group number in a
 * primitive hash table (12 bytes a slot, at most 75% full), the first row's labels fingerprint and
 * packed file, split and line (16 bytes), its row count (4 bytes) and a conflict bit: 36 to 60 bytes per
 * distinct input; the
 * texts of at most 10,000 distinct label sets; member lists only for the first {@code maxEvidence}
 * conflicting groups. The first row of a group is named in evidence by split, file, line and labels.
 *
 * @param inputs    the columns compared (default: the dataset's inputs, else its numeric, categorical and text columns)
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

    /** The rule's inputs, else the dataset's, else its declared features (numeric, categorical, text): a table's columns. */
    private List<String> inputsOf(ColumnRoles roles) {
        if (!inputs.isEmpty()) {
            return inputs;
        }
        if (!roles.inputs().isEmpty()) {
            return roles.inputs();
        }
        var features = new java.util.LinkedHashSet<String>(roles.numeric());
        features.addAll(roles.categorical());
        features.addAll(roles.text());
        features.removeAll(java.util.Arrays.asList(roles.id(), roles.label(), roles.tags()));
        return List.copyOf(features);
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
                    "expected input columns and a label or tags column (declare columns.inputs, or numeric, categorical or text"
                            + " columns, and columns.label"
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
        groups.examples.values().forEach(example -> evidence.addAll(example.members()));
        return List.of(RuleResult.judged(this, conflicting > maxGroups, groups.label, null, (double) conflicting,
                (double) maxGroups, message, evidence));
    }

    /** The columns compared and the label column of a dataset's run (none when the rule has nothing to compare). */
    public Optional<Target> targetOf(DatasetDefinition dataset) {
        List<String> in = inputsOf(dataset.columns());
        String target = labelOf(dataset.columns());
        return in.isEmpty() || target == null ? Optional.empty()
                : Optional.of(new Target(in, target, new NormalisedInputs(in, normalisation)));
    }

    /** What the rule groups rows by and compares: inputs after normalisation, and the label column. */
    public record Target(List<String> inputs, String label, NormalisedInputs key) {
    }

    /** The evidence of the first row of a conflicting group, numbered {@code group} in the result. */
    public Evidence firstRowEvidence(Row row, String label, int group) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("split", row.split());
        values.put(label, RowValues.labelSet(row, label));
        return numbered(new Evidence(row.source(), row.line(), null, values), group);
    }

    /** The evidence of a later row of a conflicting group, numbered {@code group} in the result. */
    public Evidence memberEvidence(Row row, Target target, String idColumn, int group) {
        Evidence e = RowValues.evidence(row, idColumn, target.inputs());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("split", row.split());
        values.putAll(e.values());
        values.put(target.label(), RowValues.labelSet(row, target.label()));
        return numbered(new Evidence(e.source(), e.line(), e.id(), values), group);
    }

    /**
     * The row check of a run whose rows were grouped elsewhere (the Spark runner), to judge with {@link #evaluate}.
     *
     * @param seen     the columns of the snapshot
     * @param examples the evidence of the first conflicting groups, in the order they became conflicting
     */
    public RowCheck counted(Target target, String idColumn, Set<String> seen, long rows, long conflictingGroups,
                            long rowsInConflict, List<List<Evidence>> examples) {
        Groups groups = new Groups(target.inputs(), target.label(), idColumn);
        groups.seen.addAll(seen);
        groups.rows = rows;
        groups.conflictingGroups = conflictingGroups;
        groups.rowsInConflict = rowsInConflict;
        for (int i = 0; i < examples.size(); i++) {
            groups.examples.put(i, new Example(i + 1, examples.get(i)));
        }
        return groups;
    }

    /** A conflicting group shown in evidence: its number there and its first members. */
    private record Example(int number, List<Evidence> members) {
    }

    private static Evidence numbered(Evidence e, int group) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("group", String.valueOf(group));
        values.putAll(e.values());
        return new Evidence(e.source(), e.line(), e.id(), values);
    }

    /**
     * Per distinct input, its group number; per group, the first row's labels fingerprint and location,
     * and whether a later row disagreed.
     */
    private final class Groups implements RowCheck {
        private final List<String> inputs;
        private final String label;
        private final String idColumn;
        private final LongIntHashMap groupOfInput = new LongIntHashMap();
        private final LongArrayList firstLabels = new LongArrayList();
        private final LongArrayList firstRows = new LongArrayList();
        private final IntArrayList groupRows = new IntArrayList();
        private final BitSet conflictingGroup = new BitSet();
        private final RowLocations locations = new RowLocations();
        private final LabelTexts labelTexts = new LabelTexts();
        private final Map<Integer, Example> examples = new LinkedHashMap<>();
        private final Set<String> seen = new HashSet<>();
        private Header lastHeader;
        private long rows;
        private long conflictingGroups;
        private long rowsInConflict;

        private final NormalisedInputs normalisedInputs;

        Groups(List<String> inputs, String label, String idColumn) {
            this.inputs = inputs;
            this.normalisedInputs = new NormalisedInputs(inputs, normalisation);
            this.label = label;
            this.idColumn = idColumn;
        }

        @Override
        public List<RowDerivation<?>> derivations() {
            return List.of(normalisedInputs);
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
            long key = row.derived(normalisedInputs).fingerprint();
            long labelPrint = Fingerprint.of(labels);
            int slot = groupOfInput.indexOf(key);
            if (!groupOfInput.indexExists(slot)) {
                groupOfInput.indexInsert(slot, key, firstRows.size());
                firstLabels.add(labelPrint);
                firstRows.add(locations.of(row));
                groupRows.add(1);
                labelTexts.remember(labelPrint, labels);
                return;
            }
            int group = groupOfInput.indexGet(slot);
            boolean conflicting = conflictingGroup.get(group);
            if (!conflicting && firstLabels.get(group) == labelPrint) {
                groupRows.set(group, groupRows.get(group) + 1);
                return;
            }
            if (!conflicting) {
                conflictingGroup.set(group);
                conflictingGroups++;
                rowsInConflict += groupRows.get(group);
                if (examples.size() < maxEvidence) {
                    int number = examples.size() + 1;
                    examples.put(group, new Example(number, new ArrayList<>(List.of(numbered(firstRow(group), number)))));
                }
            }
            rowsInConflict++;
            Example example = examples.get(group);
            if (example != null && example.members().size() < 10) {
                example.members().add(numbered(evidence(row, labels), example.number()));
            }
        }

        /** The first row of a group, named by split, file and line: its values are no longer at hand. */
        private Evidence firstRow(int group) {
            long location = firstRows.get(group);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("split", locations.split(location));
            values.put(label, labelTexts.of(firstLabels.get(group)));
            return new Evidence(locations.source(location), RowLocations.line(location), null, values);
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
