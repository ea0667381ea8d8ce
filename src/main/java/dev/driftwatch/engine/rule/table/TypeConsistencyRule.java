package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.ColumnProfile;
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
        return Optional.of(new Examples(dataset.columns(), columns, maxEvidence));
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

    /**
     * The first few rows of each type, per column and split, so the odd ones can be shown. Only present values are
     * typed, as the profile counts them (blanks and the dataset's missing tokens are missing); where the profile kept
     * the types it inferred in the row ({@link Row#valueTypes()}), they are taken from there.
     */
    private static final class Examples implements MergeableRowCheck {
        private static final ValueType[] TYPES = ValueType.values();
        private final String idColumn;
        private final List<String> columns;
        private final int maxEvidence;
        final HashMap<String, EnumMap<ValueType, List<Evidence>>> rows = new HashMap<>();
        private final transient ColumnRoles roles;
        private transient Header header;
        /** The dataset's missing tokens of each column read, by position in {@link #positions}. */
        private transient MissingTokens[] tokens;
        private transient int[] positions;
        private transient Map<String, EnumMap<ValueType, List<Evidence>>[]> bySplit;

        Examples(ColumnRoles roles, List<String> columns, int maxEvidence) {
            this.roles = roles;
            this.idColumn = roles.id();
            this.columns = columns;
            this.maxEvidence = maxEvidence;
        }

        @Override
        public void accept(Row row) {
            if (row.header() != header) {
                header = row.header();
                positions = positionsOf(header);
                tokens = new MissingTokens[positions.length];
                for (int i = 0; i < positions.length; i++) {
                    tokens[i] = positions[i] < 0 ? MissingTokens.NONE : MissingTokens.of(roles, header.names().get(positions[i]));
                }
                bySplit = new HashMap<>();
            }
            EnumMap<ValueType, List<Evidence>>[] examples = bySplit.computeIfAbsent(row.split(), this::examplesOf);
            byte[] inferred = row.valueTypes();
            for (int i = 0; i < positions.length; i++) {
                int position = positions[i];
                Object value = position < 0 ? null : row.get(position);
                if (!(value instanceof String text)) {
                    continue;
                }
                ValueType type;
                if (inferred != null) {
                    if (inferred[position] < 0) {
                        continue; // missing by the profile's reckoning: blank, or a missing token
                    }
                    type = TYPES[inferred[position]];
                } else if (text.isBlank() || tokens[i].match(text) != null) {
                    continue;
                } else {
                    type = ValueType.of(text.strip());
                }
                List<Evidence> list = examples[i].computeIfAbsent(type, t -> new ArrayList<>(1));
                if (list.size() < maxEvidence) {
                    list.add(RowValues.evidence(row, idColumn, List.of(header.names().get(position))));
                }
            }
        }

        /** The position of each column this check reads, -1 where the header lacks it. */
        private int[] positionsOf(Header header) {
            if (columns.isEmpty()) {
                return java.util.stream.IntStream.range(0, header.size()).toArray();
            }
            return columns.stream().mapToInt(header::indexOf).toArray();
        }

        /** The examples of one split, by the position of each column read in {@link #positions}. */
        @SuppressWarnings("unchecked")
        private EnumMap<ValueType, List<Evidence>>[] examplesOf(String split) {
            EnumMap<ValueType, List<Evidence>>[] examples = new EnumMap[positions.length];
            for (int i = 0; i < positions.length; i++) {
                String column = positions[i] < 0 ? columns.get(i) : header.names().get(positions[i]);
                examples[i] = rows.computeIfAbsent(split + "\u0000" + column, k -> new EnumMap<>(ValueType.class));
            }
            return examples;
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
