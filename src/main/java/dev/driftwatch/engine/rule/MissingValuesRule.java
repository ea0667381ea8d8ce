package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.SplitProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code missing_values}: the share of missing values in each listed column, per split, is at most
 * {@code maxRatio}, and (with a reference) rose by at most {@code maxIncrease}. Missing means null,
 * empty, blank, or one of {@code tokens} (a {@code 0} that means "not measured", {@code ?}, {@code N/A}).
 *
 * @param columns     the columns to check; {@code ["*"]} checks every column of the snapshot
 * @param maxIncrease the largest allowed rise of the ratio over the reference's (absolute, 0..1), or null
 */
public record MissingValuesRule(String name, Severity severity, List<String> columns, List<String> tokens,
                                double maxRatio, Double maxIncrease) implements Rule {
    private static final int EVIDENCE_PER_COLUMN = 5;

    public MissingValuesRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        columns = List.copyOf(columns);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("expected at least one column but found none");
        }
        Shares.require(maxRatio, "max_ratio");
        if (maxIncrease != null && (maxIncrease < 0 || maxIncrease > 1)) {
            throw new IllegalArgumentException("expected max_increase between 0 and 1 but found " + maxIncrease);
        }
    }

    @Override
    public String kind() {
        return "missing_values";
    }

    @Override
    public void declare(ProfileRequest.Builder request) {
        columns.forEach(column -> request.missingTokens(column, tokens));
    }

    @Override
    public Optional<RowCheck> newRowCheck(dev.driftwatch.engine.dataset.DatasetDefinition dataset) {
        return Optional.of(new MissingRows());
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        List<RuleResult> results = new ArrayList<>();
        String idColumn = context.dataset().columns().id();
        var examples = rowCheck instanceof MissingRows rows ? rows.examples : Map.<String, List<Row>>of();
        for (SplitProfile split : context.current().splits().values()) {
            for (String column : targetColumns(split)) {
                Optional<ColumnProfile> profile = split.column(column);
                if (profile.isEmpty()) {
                    results.add(RuleResult.error(this, column, split.split(),
                            "column '" + column + "' is not in split " + split.split() + " of this snapshot"));
                    continue;
                }
                Double reference = context.reference()
                        .flatMap(ref -> ref.split(split.split()))
                        .flatMap(ref -> ref.column(column))
                        .map(ColumnProfile::missingRatio)
                        .orElse(null);
                results.add(judge(profile.get(), split.split(), reference,
                        evidence(examples.getOrDefault(column, List.of()), column, idColumn, split.split())));
            }
        }
        return results;
    }

    private List<String> targetColumns(SplitProfile split) {
        return columns.contains("*") ? List.copyOf(split.columns().keySet()) : columns;
    }

    private RuleResult judge(ColumnProfile column, String split, Double referenceRatio, List<Evidence> evidence) {
        double ratio = column.missingRatio();
        String reasons = column.missingByReason().entrySet().stream()
                .map(e -> Ratios.count(e.getValue()) + " " + e.getKey().replace("token:", "'") + (e.getKey().startsWith("token:") ? "'" : ""))
                .collect(Collectors.joining(", "));
        String what = column.column() + ": " + Ratios.share(column.missing(), column.count()) + " values missing in "
                + split + (reasons.isEmpty() ? "" : " (" + reasons + ")");
        if (ratio > maxRatio) {
            return result(severity.violated(), column, split, ratio, maxRatio,
                    what + "; at most " + Ratios.percent(maxRatio) + " allowed.", evidence);
        }
        if (maxIncrease != null && referenceRatio != null && ratio - referenceRatio > maxIncrease) {
            return result(severity.violated(), column, split, ratio - referenceRatio, maxIncrease,
                    what + "; up from " + Ratios.percent(referenceRatio) + " in the reference, a rise of more than "
                            + Ratios.percent(maxIncrease) + ".", evidence);
        }
        return result(Status.PASS, column, split, ratio, maxRatio,
                what + "; within the allowed " + Ratios.percent(maxRatio) + ".", List.of());
    }

    private RuleResult result(Status status, ColumnProfile column, String split, double observed, double threshold,
                              String message, List<Evidence> evidence) {
        return new RuleResult(name, kind(), severity, status, column.column(), split, observed, threshold, message,
                evidence);
    }

    private static List<Evidence> evidence(List<Row> rows, String column, String idColumn, String split) {
        return rows.stream()
                .filter(row -> row.split().equals(split))
                .map(row -> {
                    Map<String, String> values = new HashMap<>();
                    values.put(column, String.valueOf(row.get(column)));
                    return new Evidence(row.source(), row.line(), idColumn == null ? null : row.text(idColumn), values);
                })
                .toList();
    }

    /** Keeps the first few rows with a missing value, per column and split. */
    private final class MissingRows implements RowCheck {
        private final Map<String, List<Row>> examples = new HashMap<>();
        private final Map<String, java.util.Set<String>> tokensByColumn = new HashMap<>();

        @Override
        public void accept(Row row) {
            for (String column : columns.contains("*") ? row.header().names() : columns) {
                Object value = row.get(column);
                if (isMissing(column, value)) {
                    List<Row> rows = examples.computeIfAbsent(column, c -> new ArrayList<>());
                    long inSplit = rows.stream().filter(r -> r.split().equals(row.split())).count();
                    if (inSplit < EVIDENCE_PER_COLUMN) {
                        rows.add(row);
                    }
                }
            }
        }

        private boolean isMissing(String column, Object value) {
            if (value == null) {
                return true;
            }
            if (value instanceof List<?> list) {
                return list.isEmpty();
            }
            String text = ((String) value).strip();
            return text.isEmpty() || tokensByColumn.computeIfAbsent(column, c -> java.util.Set.copyOf(tokens)).contains(text);
        }
    }
}
