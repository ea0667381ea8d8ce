package dev.driftwatch.engine.rule.rows;

import com.carrotsearch.hppc.LongLongHashMap;
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
 * Memory, no object per row: per distinct row of a split, a 64-bit fingerprint (of its values and
 * split) and its packed file, split and line, in one primitive hash table of 16 bytes a slot, between
 * 37.5% and 75% full: 21 to 43 bytes per row (twice that for a moment while the table grows).
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
        return Optional.of(new Copies(dataset.columns().id()));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        Copies copies = (Copies) rowCheck;
        List<RuleResult> results = new ArrayList<>();
        String described = columns.isEmpty() ? "every column but the id" : String.join(", ", columns);
        context.current().splits().values().forEach(split -> {
            long rows = split.rows();
            long repeated = copies.repeated.getOrDefault(split.split(), 0L);
            double ratio = rows == 0 ? 0 : (double) repeated / rows;
            String message = Ratios.share(repeated, rows) + " rows of " + split.split()
                    + " repeat an earlier row exactly in " + described
                    + (ratio > maxRatio ? "; at most " + Ratios.percent(maxRatio) + " allowed." : ".");
            results.add(RuleResult.judged(this, ratio > maxRatio, null, split.split(), ratio, maxRatio, message,
                    copies.examples.getOrDefault(split.split(), List.of())));
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
    public RowCheck counted(String idColumn, Map<String, Long> repeated, Map<String, List<Evidence>> examples) {
        Copies copies = new Copies(idColumn);
        copies.repeated.putAll(repeated);
        copies.examples.putAll(examples);
        return copies;
    }

    /** Fingerprint of a row's values and split to where the first row that had them was read. */
    private final class Copies implements RowCheck {
        private final LongLongHashMap firstRow = new LongLongHashMap();
        private final RowLocations locations = new RowLocations();
        private final Map<String, Long> repeated = new HashMap<>();
        private final Map<String, List<Evidence>> examples = new LinkedHashMap<>();
        private final String idColumn;

        private final CopyKey copyKey;

        private Copies(String idColumn) {
            this.idColumn = idColumn;
            this.copyKey = new CopyKey(columns, idColumn);
        }

        @Override
        public List<RowDerivation<?>> derivations() {
            return List.of(copyKey);
        }

        @Override
        public void accept(Row row) {
            long key = row.derived(copyKey);
            int slot = firstRow.indexOf(key);
            if (!firstRow.indexExists(slot)) {
                firstRow.indexInsert(slot, key, locations.of(row));
            } else {
                long first = RowLocations.line(firstRow.indexGet(slot));
                repeated.merge(row.split(), 1L, Long::sum);
                List<Evidence> list = examples.computeIfAbsent(row.split(), s -> new ArrayList<>());
                if (list.size() < maxEvidence) {
                    list.add(repeatEvidence(row, idColumn, first));
                }
            }
        }
    }

}
