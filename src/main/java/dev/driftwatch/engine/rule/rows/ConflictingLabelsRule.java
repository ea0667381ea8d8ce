package dev.driftwatch.engine.rule.rows;

import com.carrotsearch.hppc.LongArrayList;
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
import dev.driftwatch.engine.spill.MemoryBudget;
import dev.driftwatch.engine.spill.SortedRuns;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import java.util.ArrayList;
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
 * sadness is one group of 5 rows). Memory, no object per row: per labelled row, its input fingerprint, number and
 * labels fingerprint (24 bytes), sorted in the run's shared {@code row_memory} and beyond it in sorted runs in the
 * temporary folder ({@link SortedRuns}). The first {@code maxEvidence} groups to meet a disagreeing row are shown,
 * each by its first row (split, file, line and labels) and up to 9 rows from the first that disagreed, read again
 * after the pass.
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
        return newRowCheck(dataset, VocabularyLookup.none(), new MemoryBudget(dataset.rowMemory()));
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset, VocabularyLookup vocabulary, MemoryBudget rowMemory) {
        List<String> in = inputsOf(dataset.columns());
        String target = labelOf(dataset.columns());
        return in.isEmpty() || target == null ? Optional.empty()
                : Optional.of(new Groups(in, target, dataset.columns().id(), rowMemory));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        ColumnRoles roles = context.dataset().columns();
        if (!(rowCheck instanceof Tally groups)) {
            return List.of(RuleResult.error(this, null, null,
                    "expected input columns and a label or tags column (declare columns.inputs, or numeric, categorical or text"
                            + " columns, and columns.label"
                            + " or columns.tags, or set inputs and label on the rule) but found none"));
        }
        String missing = groups.inputs().stream().filter(c -> !groups.seen().contains(c)).findFirst()
                .orElse(groups.seen().contains(groups.label()) ? null : groups.label());
        if (missing != null && groups.rows() > 0) {
            return List.of(RuleResult.error(this, missing, null, "column '" + missing + "' is not in this snapshot"));
        }
        long conflicting = groups.conflictingGroups();
        String what = String.join(" and ", groups.inputs());
        String message = Ratios.count(conflicting) + " group" + (conflicting == 1 ? "" : "s") + " of rows ("
                + Ratios.count(groups.rowsInConflict()) + " rows of " + Ratios.count(groups.rows()) + ") have the same "
                + what + (normalisation.isNone() ? "" : " after normalising " + normalisation.describe())
                + " but disagree on " + groups.label()
                + (conflicting > maxGroups ? "; at most " + Ratios.count(maxGroups) + " allowed." : ".");
        return List.of(RuleResult.judged(this, conflicting > maxGroups, groups.label(), null, (double) conflicting,
                (double) maxGroups, message, groups.evidence()));
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
     * @param evidence the evidence of the first conflicting groups, numbered, in the order they became conflicting
     */
    public RowCheck counted(Target target, Set<String> seen, long rows, long conflictingGroups, long rowsInConflict,
                            List<Evidence> evidence) {
        return new Counted(target.inputs(), target.label(), Set.copyOf(seen), rows, conflictingGroups, rowsInConflict,
                List.copyOf(evidence));
    }

    /** What {@link #evaluate} judges. */
    private interface Tally {
        List<String> inputs();

        String label();

        Set<String> seen();

        long rows();

        long conflictingGroups();

        long rowsInConflict();

        List<Evidence> evidence();
    }

    /** Groups counted elsewhere. */
    private record Counted(List<String> inputs, String label, Set<String> seen, long rows, long conflictingGroups,
                           long rowsInConflict, List<Evidence> evidence) implements RowCheck, Tally {
        @Override
        public void accept(Row row) {
            throw new IllegalStateException("rows of a counted conflicting_labels check were grouped elsewhere");
        }
    }

    private static Evidence numbered(Evidence e, int group) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("group", String.valueOf(group));
        values.putAll(e.values());
        return new Evidence(e.source(), e.line(), e.id(), values);
    }

    /**
     * Every labelled row's input fingerprint, number in the pass and labels fingerprint, 24 bytes, sorted in bounded
     * memory ({@link SortedRuns}): a run of equal inputs is a group, in file order. The groups shown in evidence (the
     * first {@code maxEvidence} to meet a disagreeing row, in file order) are read again after the pass.
     */
    private final class Groups implements RowCheck, Tally, AutoCloseable {
        private static final int MEMBERS_SHOWN = 10;
        private final List<String> inputs;
        private final String label;
        private final String idColumn;
        private final SortedRuns rowsByInput;
        private final RevisitedRows revisited = new RevisitedRows();
        private final Set<String> seen = new HashSet<>();
        private Header lastHeader;
        private long rows;
        private long conflictingGroups;
        private long rowsInConflict;
        /** Per group shown: the row that disagreed first, the group's first row, then the members shown from the former. */
        private List<long[]> shown;
        private RuntimeException failure;

        private final NormalisedInputs normalisedInputs;

        Groups(List<String> inputs, String label, String idColumn, MemoryBudget rowMemory) {
            this.inputs = inputs;
            this.normalisedInputs = new NormalisedInputs(inputs, normalisation);
            this.label = label;
            this.idColumn = idColumn;
            this.rowsByInput = new SortedRuns(3, rowMemory, null);
        }

        @Override
        public List<RowDerivation<?>> derivations() {
            return List.of(normalisedInputs);
        }

        @Override
        public void accept(Row row) {
            long number = rows++;
            if (row.header() != lastHeader) {
                lastHeader = row.header();
                seen.addAll(lastHeader.names());
            }
            String labels = RowValues.labelSet(row, label);
            if (labels.isEmpty()) {
                return;
            }
            rowsByInput.add(row.derived(normalisedInputs).fingerprint(), number, Fingerprint.of(labels));
        }

        /** Walks the rows sorted by input once: the conflicting groups, their rows, and those to show. */
        void finish() {
            if (failure != null) {
                throw failure;
            }
            if (shown != null) {
                return;
            }
            var earliest = new EarliestRows(maxEvidence);
            try (rowsByInput) {
                SortedRuns.Cursor sorted = rowsByInput.sorted();
                boolean more = sorted.next();
                while (more) {
                    long input = sorted.get(0);
                    long first = sorted.get(1);
                    long firstLabels = sorted.get(2);
                    long size = 0;
                    long conflict = -1;
                    LongArrayList members = new LongArrayList();
                    do {
                        size++;
                        long number = sorted.get(1);
                        if (conflict < 0 && sorted.get(2) != firstLabels) {
                            conflict = number;
                        }
                        if (conflict >= 0 && members.size() < MEMBERS_SHOWN - 1) {
                            members.add(number);
                        }
                        more = sorted.next();
                    } while (more && sorted.get(0) == input);
                    if (conflict >= 0) {
                        conflictingGroups++;
                        rowsInConflict += size;
                        if (earliest.wants(conflict)) {
                            long[] example = new long[members.size() + 2];
                            example[0] = conflict;
                            example[1] = first;
                            System.arraycopy(members.buffer, 0, example, 2, members.size());
                            earliest.offer(example);
                        }
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            shown = earliest.ascending();
        }

        @Override
        public List<Runnable> completion() {
            return List.of(this::finish);
        }

        @Override
        public long[] rowsToRevisit() {
            finish();
            for (long[] example : shown) {
                for (long number : example) {
                    revisited.want(number);
                }
            }
            return revisited.wanted();
        }

        @Override
        public void revisit(long number, Row row) {
            revisited.put(number, row);
        }

        @Override
        public void close() {
            rowsByInput.close();
        }

        @Override
        public List<String> inputs() {
            return inputs;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public Set<String> seen() {
            return seen;
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public long conflictingGroups() {
            finish();
            return conflictingGroups;
        }

        @Override
        public long rowsInConflict() {
            finish();
            return rowsInConflict;
        }

        /** The groups shown, numbered from 1: the first row by split, file, line and labels, then the members. */
        @Override
        public List<Evidence> evidence() {
            finish();
            Target target = new Target(inputs, label, normalisedInputs);
            List<Evidence> evidence = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                long[] example = shown.get(i);
                Row first = revisited.get(example[1]);
                if (first != null) {
                    evidence.add(firstRowEvidence(first, label, i + 1));
                }
                for (int m = 2; m < example.length; m++) {
                    Row row = revisited.get(example[m]);
                    if (row != null) {
                        evidence.add(memberEvidence(row, target, idColumn, i + 1));
                    }
                }
            }
            return evidence;
        }
    }
}
