package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.ColumnProfile;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code type_consistency}: in each column, the share of present values that do not fit the column's
 * inferred type (numbers stored as text, a word in a number column, unparseable dates) is at most
 * {@code maxRatio} (default 0). Integers and decimals count as one numeric type.
 *
 * @param columns the columns (default: every column)
 */
public record TypeConsistencyRule(String name, Severity severity, List<String> columns, double maxRatio,
                                  int maxEvidence) implements Rule {
    public TypeConsistencyRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public String kind() {
        return "type_consistency";
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
        return Optional.of(new Examples(dataset.columns().id(), columns, maxEvidence));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        Examples examples = (Examples) rowCheck;
        List<RuleResult> results = new ArrayList<>();
        context.current().splits().forEach((split, profile) -> {
            for (String column : columns.isEmpty() ? List.copyOf(profile.columns().keySet()) : columns) {
                var c = profile.column(column);
                if (c.isEmpty()) {
                    results.add(RuleResult.error(this, column, split, "column '" + column + "' is not in split " + split));
                } else if (c.get().type() != null) {
                    results.add(judge(c.get(), split, examples));
                }
            }
        });
        return results;
    }

    private RuleResult judge(ColumnProfile column, String split, Examples examples) {
        ValueType type = column.type();
        long present = column.present();
        long mismatched = column.mismatched();
        double ratio = present == 0 ? 0 : (double) mismatched / present;
        String others = column.typeCounts().entrySet().stream()
                .filter(e -> !fits(e.getKey(), type) && e.getValue() > 0)
                .map(e -> Ratios.count(e.getValue()) + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
        boolean violated = ratio > maxRatio;
        String message = column.column() + " in " + split + " holds " + type.name().toLowerCase(java.util.Locale.ROOT)
                + " values, but " + Ratios.share(mismatched, present) + " do not fit" + (others.isEmpty() ? "" : " (" + others + ")")
                + (violated ? "; at most " + Ratios.percent(maxRatio) + " allowed." : ".");
        List<Evidence> evidence = examples.rows.getOrDefault(split + "\u0000" + column.column(), new EnumMap<>(ValueType.class)).entrySet().stream()
                .filter(e -> !fits(e.getKey(), type))
                .flatMap(e -> e.getValue().stream())
                .limit(maxEvidence)
                .toList();
        return RuleResult.judged(this, violated, column.column(), split, ratio, maxRatio, message, evidence);
    }

    private static boolean fits(ValueType value, ValueType column) {
        return value == column || value.isNumeric() && column.isNumeric();
    }

    /** The first few rows of each type, per column and split, so the odd ones can be shown. */
    private static final class Examples implements MergeableRowCheck {
        private final String idColumn;
        private final List<String> columns;
        private final int maxEvidence;
        final HashMap<String, EnumMap<ValueType, List<Evidence>>> rows = new HashMap<>();
        private transient SplitColumnKeys keys;

        Examples(String idColumn, List<String> columns, int maxEvidence) {
            this.idColumn = idColumn;
            this.columns = columns;
            this.maxEvidence = maxEvidence;
        }

        @Override
        public void accept(Row row) {
            if (keys == null) {
                keys = new SplitColumnKeys();
            }
            for (String column : columns.isEmpty() ? row.header().names() : columns) {
                Object value = row.get(column);
                if (!(value instanceof String text) || text.isBlank()) {
                    continue;
                }
                List<Evidence> list = rows.computeIfAbsent(keys.of(row.split(), column), k -> new EnumMap<>(ValueType.class))
                        .computeIfAbsent(ValueType.of(text.strip()), t -> new ArrayList<>(1));
                if (list.size() < maxEvidence) {
                    list.add(RowValues.evidence(row, idColumn, List.of(column)));
                }
            }
        }

        @Override
        public void merge(MergeableRowCheck other, Comparator<Evidence> order) {
            ((Examples) other).rows.forEach((key, byType) -> {
                EnumMap<ValueType, List<Evidence>> mine = rows.computeIfAbsent(key, k -> new EnumMap<>(ValueType.class));
                byType.forEach((type, examples) -> mine.merge(type, examples,
                        (a, b) -> MergeableRowCheck.first(a, b, order, maxEvidence)));
            });
        }
    }
}
