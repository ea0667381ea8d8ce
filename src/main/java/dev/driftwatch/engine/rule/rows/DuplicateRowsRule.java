package dev.driftwatch.engine.rule.rows;

import dev.driftwatch.engine.rule.Shares;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.RowValues;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.spill.MemoryBudget;
import dev.driftwatch.engine.spill.SortedRuns;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code duplicate_rows}: rows that repeat an earlier row of the same split exactly, in the listed
 * columns (default: every column but the id, so two copies of a record under two ids still count).
 * Memory, no object per row: per row, a 64-bit fingerprint (of its values and split) and its split and number, 16
 * bytes, sorted in the run's shared {@code row_memory} and beyond it in sorted runs in the temporary folder
 * ({@link SortedRuns}). The copies shown in evidence (the first {@code maxEvidence} of each split, in file order)
 * are read again after the pass, up to the last of them.
 *
 * @param maxRatio the largest allowed share of repeated rows (extra copies) in a split, 0..1
 */
public record DuplicateRowsRule(String name, Severity severity, List<String> columns, double maxRatio,
                                int maxEvidence) implements Rule {
    public DuplicateRowsRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        columns = columns == null ? List.of() : List.copyOf(columns);
        Shares.require(maxRatio, "max_ratio");
    }

    @Override
    public String kind() {
        return "duplicate_rows";
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
        return newRowCheck(dataset, VocabularyLookup.none(), new MemoryBudget(dataset.rowMemory()));
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset, VocabularyLookup vocabulary, MemoryBudget rowMemory) {
        return Optional.of(new Copies(dataset.columns().id(), rowMemory));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        Tally copies = (Tally) rowCheck;
        List<RuleResult> results = new ArrayList<>();
        String described = !columns.isEmpty() ? String.join(", ", columns)
                : context.dataset().columns().id() == null ? "every column" : "every column but the id";
        context.current().splits().values().forEach(split -> {
            long rows = split.rows();
            long repeated = copies.repeated(split.split());
            double ratio = rows == 0 ? 0 : (double) repeated / rows;
            String message = Ratios.share(repeated, rows) + " rows of " + split.split()
                    + " repeat an earlier row exactly in " + described
                    + (ratio > maxRatio ? "; at most " + Ratios.percent(maxRatio) + " allowed." : ".");
            results.add(RuleResult.judged(this, ratio > maxRatio, null, split.split(), ratio, maxRatio, message,
                    copies.examples(split.split())));
        });
        return results;
    }

    /** What makes two rows copies under this rule, for runners that group rows themselves (the Spark runner). */
    public RowDerivation<Long> copyKey(String idColumn) {
        return new CopyKey(columns, idColumn);
    }

    /**
     * The evidence the rule shows for a row that repeats the row read at {@code firstLine}, for runners that group
     * rows themselves.
     */
    public Evidence repeatEvidence(Row row, String idColumn, long firstLine) {
        List<String> compared = new CopyKey(columns, idColumn).compared(row);
        Evidence e = RowValues.evidence(row, idColumn, compared.subList(0, Math.min(3, compared.size())));
        Map<String, String> values = new LinkedHashMap<>(e.values());
        values.put("duplicate_of_line", String.valueOf(firstLine));
        return new Evidence(e.source(), e.line(), e.id(), values);
    }

    /**
     * The row check of a run whose rows were grouped elsewhere (the Spark runner), to judge with {@link #evaluate}.
     *
     * @param repeated per split, the rows that repeat an earlier row of it
     * @param examples per split, the evidence of its first repeated rows (at most {@code maxEvidence})
     */
    public RowCheck counted(Map<String, Long> repeated, Map<String, List<Evidence>> examples) {
        return new Counted(Map.copyOf(repeated), Map.copyOf(examples));
    }

    /** What {@link #evaluate} judges: the copies per split and the first of them, shown in evidence. */
    private interface Tally {
        long repeated(String split);

        List<Evidence> examples(String split);
    }

    /** Copies counted elsewhere. */
    private record Counted(Map<String, Long> copies, Map<String, List<Evidence>> shown) implements RowCheck, Tally {
        @Override
        public void accept(Row row) {
            throw new IllegalStateException("rows of a counted duplicate_rows check were grouped elsewhere");
        }

        @Override
        public long repeated(String split) {
            return copies.getOrDefault(split, 0L);
        }

        @Override
        public List<Evidence> examples(String split) {
            return shown.getOrDefault(split, List.of());
        }
    }

    /**
     * Every row's copy key and its split and number in the pass, sorted in bounded memory ({@link SortedRuns}): a
     * run of equal keys is a row and its copies, in file order. The first {@code maxEvidence} copies of each split
     * are read again for evidence.
     */
    private final class Copies implements RowCheck, Tally, AutoCloseable {
        private static final int NUMBER_BITS = 48;
        private static final long NUMBER_MASK = (1L << NUMBER_BITS) - 1;
        private static final int MAX_SPLITS = 1 << (Long.SIZE - NUMBER_BITS);

        private final SortedRuns keys;
        private final Map<String, Integer> splitIndexes = new HashMap<>();
        private final List<String> splits = new ArrayList<>();
        private final RevisitedRows revisited = new RevisitedRows();
        private final String idColumn;
        private final CopyKey copyKey;
        private long number;
        private long[] repeated;
        private List<EarliestRows> chosen;
        private RuntimeException failure;

        private Copies(String idColumn, MemoryBudget rowMemory) {
            this.idColumn = idColumn;
            this.copyKey = new CopyKey(columns, idColumn);
            this.keys = new SortedRuns(2, rowMemory, null);
        }

        @Override
        public List<RowDerivation<?>> derivations() {
            return List.of(copyKey);
        }

        @Override
        public void accept(Row row) {
            long split = splitIndexes.computeIfAbsent(row.split(), this::addSplit);
            keys.add(row.derived(copyKey), split << NUMBER_BITS | number++);
        }

        private int addSplit(String split) {
            if (splits.size() == MAX_SPLITS) {
                throw new IllegalStateException("expected at most " + MAX_SPLITS + " splits but found more");
            }
            splits.add(split);
            return splits.size() - 1;
        }

        /** Walks the sorted keys once: the copies per split, and the first of them to show. */
        private void finish() {
            if (failure != null) {
                throw failure;
            }
            if (repeated != null) {
                return;
            }
            long[] counts = new long[splits.size()];
            List<EarliestRows> earliest = new ArrayList<>();
            splits.forEach(s -> earliest.add(new EarliestRows(maxEvidence)));
            try (keys) {
                SortedRuns.Cursor sorted = keys.sorted();
                boolean started = false;
                long key = 0;
                long first = 0;
                while (sorted.next()) {
                    long next = sorted.get(0);
                    long row = sorted.get(1);
                    if (!started || next != key) {
                        started = true;
                        key = next;
                        first = row & NUMBER_MASK;
                        continue;
                    }
                    int split = (int) (row >>> NUMBER_BITS);
                    counts[split]++;
                    EarliestRows shown = earliest.get(split);
                    if (shown.wants(row & NUMBER_MASK)) {
                        shown.offer(row & NUMBER_MASK, first);
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            repeated = counts;
            chosen = earliest;
        }

        @Override
        public long repeated(String split) {
            finish();
            Integer index = splitIndexes.get(split);
            return index == null ? 0 : repeated[index];
        }

        @Override
        public List<Runnable> completion() {
            return List.of(this::finish);
        }

        @Override
        public long[] rowsToRevisit() {
            finish();
            for (EarliestRows rows : chosen) {
                for (long[] copy : rows.ascending()) {
                    revisited.want(copy[0]);
                    revisited.want(copy[1]);
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
            keys.close();
        }

        /** The copies of a split shown in evidence, in file order, with the line of the row they repeat. */
        @Override
        public List<Evidence> examples(String split) {
            finish();
            Integer index = splitIndexes.get(split);
            if (index == null) {
                return List.of();
            }
            List<Evidence> examples = new ArrayList<>();
            for (long[] copy : chosen.get(index).ascending()) {
                Row row = revisited.get(copy[0]);
                Row first = revisited.get(copy[1]);
                if (row == null || first == null) {
                    continue;
                }
                examples.add(repeatEvidence(row, idColumn, first.line()));
            }
            return examples;
        }
    }

}
