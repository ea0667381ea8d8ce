package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.MissingTokens;
import dev.driftwatch.engine.profile.ValueType;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.MergeableRowCheck;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.RowValues;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import dev.driftwatch.engine.dataset.ColumnRoles;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code value_range}: the numeric values of each listed column lie within [{@code min}, {@code max}]
 * (either bound optional); at most {@code maxRatio} of the numeric values may lie outside. Values that
 * are missing (including the dataset's declared {@code missing_tokens}) or not numbers are left to
 * {@code missing_values} and {@code type_consistency}.
 */
public record ValueRangeRule(String name, Severity severity, List<String> columns, Double min, Double max,
                             double maxRatio, int maxEvidence) implements Rule {
    public ValueRangeRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        columns = List.copyOf(columns);
        if (min == null && max == null) {
            throw new IllegalArgumentException("expected min or max but found neither");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min: expected at most max (" + max + ") but found " + min);
        }
    }

    @Override
    public String kind() {
        return "value_range";
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
        return Optional.of(new OutOfRange(dataset.columns(), this));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        OutOfRange seen = (OutOfRange) rowCheck;
        List<RuleResult> results = new ArrayList<>();
        String range = min != null && max != null ? "[" + min + ", " + max + "]" : min != null ? "at least " + min : "at most " + max;
        context.current().splits().forEach((split, profile) -> {
            for (String column : columns) {
                if (profile.column(column).isEmpty()) {
                    results.add(RuleResult.error(this, column, split, "column '" + column + "' is not in split " + split));
                    continue;
                }
                String key = split + "\u0000" + column;
                long[] counted = seen.counts.getOrDefault(key, new long[2]);
                long numbers = counted[0];
                long outside = counted[1];
                double ratio = numbers == 0 ? 0 : (double) outside / numbers;
                boolean violated = ratio > maxRatio;
                String message = column + " in " + split + ": " + Ratios.share(outside, numbers) + " numeric values lie outside "
                        + range + (violated ? "; at most " + Ratios.percent(maxRatio) + " allowed." : ".");
                results.add(RuleResult.judged(this, violated, column, split, ratio, maxRatio, message,
                        seen.examples.getOrDefault(key, List.of())));
            }
        });
        return results;
    }

    /** Numeric values and those outside the range, per split and column, and the first rows outside. */
    private static final class OutOfRange implements MergeableRowCheck {
        private final String idColumn;
        private final List<String> columns;
        private final Double min;
        private final Double max;
        private final int maxEvidence;
        private final transient Map<String, MissingTokens> missingTokens = new HashMap<>();
        /** Per split and column: its numeric values, and those outside the range. */
        final HashMap<String, long[]> counts = new HashMap<>();
        final HashMap<String, List<Evidence>> examples = new HashMap<>();
        private transient SplitColumnKeys keys;

        OutOfRange(ColumnRoles roles, ValueRangeRule rule) {
            this.idColumn = roles.id();
            this.columns = rule.columns;
            this.min = rule.min;
            this.max = rule.max;
            this.maxEvidence = rule.maxEvidence;
            columns.forEach(column -> missingTokens.put(column, MissingTokens.of(roles, column)));
        }

        @Override
        public void accept(Row row) {
            if (keys == null) {
                keys = new SplitColumnKeys();
            }
            for (int i = 0; i < columns.size(); i++) {
                String column = columns.get(i);
                String text = row.text(column);
                if (text == null || missingTokens.get(column).match(text) != null) {
                    continue;
                }
                String stripped = text.strip();
                if (!ValueType.of(stripped).isNumeric()) {
                    continue;
                }
                double value = ValueType.parseNumber(stripped);
                String key = keys.of(row.split(), column);
                long[] seen = counts.computeIfAbsent(key, k -> new long[2]);
                seen[0]++;
                if (min != null && value < min || max != null && value > max) {
                    seen[1]++;
                    List<Evidence> list = examples.computeIfAbsent(key, k -> new ArrayList<>());
                    if (list.size() < maxEvidence) {
                        list.add(RowValues.evidence(row, idColumn, List.of(column)));
                    }
                }
            }
        }

        @Override
        public void merge(MergeableRowCheck other, Comparator<Evidence> order) {
            OutOfRange part = (OutOfRange) other;
            part.counts.forEach((key, theirs) -> {
                long[] mine = counts.computeIfAbsent(key, k -> new long[2]);
                mine[0] += theirs[0];
                mine[1] += theirs[1];
            });
            part.examples.forEach((key, rows) -> examples.merge(key, rows,
                    (a, b) -> MergeableRowCheck.first(a, b, order, maxEvidence)));
        }
    }
}
