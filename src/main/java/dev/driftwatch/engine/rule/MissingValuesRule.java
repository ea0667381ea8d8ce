package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.MissingTokens;
import dev.driftwatch.engine.profile.SplitProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code missing_values}: the share of missing values in each listed column, per split, is at most
 * {@code maxRatio}, and (with a reference) rose by at most {@code maxIncrease}. Missing means null, empty,
 * blank, one of the dataset's {@code missing_tokens}, or one of this rule's {@code tokens} (a {@code 0} that
 * means "not measured", {@code ?}, {@code N/A}); a number token matches every spelling of that number in a
 * column that may hold numbers (see {@link MissingTokens}). The rule's tokens are its own: they do not change
 * the profile or any other rule. Its counts come from the profile plus its own row check.
 *
 * @param columns     the columns to check; {@code ["*"]} (the default) checks every column of the snapshot
 * @param tokens      this rule's extra missing tokens
 * @param maxIncrease the largest allowed rise of the ratio over the reference's (absolute, 0..1), or null
 * @param maxEvidence rows with a missing value shown per column and split
 */
public record MissingValuesRule(String name, Severity severity, List<String> columns, List<String> tokens,
                                double maxRatio, Double maxIncrease, int maxEvidence) implements Rule {
    public MissingValuesRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        columns = columns == null || columns.isEmpty() ? List.of(ColumnRoles.EVERY_COLUMN) : List.copyOf(columns);
        tokens = tokens == null ? List.of() : tokens.stream().map(String::strip).distinct().toList();
        Shares.require(maxRatio, "max_ratio");
        if (maxIncrease != null && (maxIncrease < 0 || maxIncrease > 1)) {
            throw new IllegalArgumentException("expected max_increase between 0 and 1 but found " + maxIncrease);
        }
        if (maxEvidence < 0) {
            throw new IllegalArgumentException("max_evidence: expected 0 or more but found " + maxEvidence);
        }
    }

    @Override
    public String kind() {
        return "missing_values";
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
        var key = new MissingValueCounts.Key(columns, java.util.Set.copyOf(tokens), maxEvidence);
        return Optional.of(new MissingValueCounts(key, dataset.columns()));
    }

    /** What a check counted in one split and column: its own tokens' hits and its first rows with a missing value. */
    public record Tally(String split, String column, Map<String, Long> tokenHits, List<Evidence> examples) {
    }

    /** What a check of this rule counted, for runners that feed parts of the rows to checks of their own (the Spark runner). */
    public List<Tally> tallies(RowCheck rowCheck) {
        return ((MissingValueCounts) rowCheck).tallies();
    }

    /**
     * The check of a whole run from the tallies of its parts: token hits add up; examples are the first
     * {@code max_evidence} of each split and column.
     *
     * @param order the order of rows in the snapshot, to choose the first examples
     */
    public RowCheck merged(DatasetDefinition dataset, List<Tally> tallies, java.util.Comparator<Evidence> order) {
        var counts = (MissingValueCounts) newRowCheck(dataset).orElseThrow();
        tallies.forEach(tally -> counts.add(tally, maxEvidence, order));
        return counts;
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        List<RuleResult> results = new ArrayList<>();
        var counts = (MissingValueCounts) rowCheck;
        ColumnRoles roles = context.dataset().columns();
        for (SplitProfile split : context.current().splits().values()) {
            for (String column : targetColumns(split)) {
                Optional<ColumnProfile> profile = split.column(column);
                if (profile.isEmpty()) {
                    results.add(RuleResult.error(this, column, split.split(),
                            "column '" + column + "' is not in split " + split.split() + " of this snapshot"));
                    continue;
                }
                Optional<ColumnProfile> reference = context.reference()
                        .flatMap(ref -> ref.split(split.split()))
                        .flatMap(ref -> ref.column(column));
                results.add(judge(profile.get(), split.split(), counts.of(split.split(), column), reference, roles));
            }
        }
        return results;
    }

    private List<String> targetColumns(SplitProfile split) {
        return columns.contains(ColumnRoles.EVERY_COLUMN) ? List.copyOf(split.columns().keySet()) : columns;
    }

    private RuleResult judge(ColumnProfile column, String split, MissingValueCounts.Cell own,
                             Optional<ColumnProfile> reference, ColumnRoles roles) {
        long missing = column.missing() + own.hits();
        double ratio = column.count() == 0 ? 0 : (double) missing / column.count();
        Map<String, Long> byReason = new TreeMap<>(column.missingByReason());
        own.tokenHits.forEach((token, n) -> byReason.merge("token:" + token, n, Long::sum));
        String reasons = byReason.entrySet().stream()
                .map(e -> Ratios.count(e.getValue()) + " " + e.getKey().replace("token:", "'") + (e.getKey().startsWith("token:") ? "'" : ""))
                .collect(Collectors.joining(", "));
        String what = column.column() + ": " + Ratios.share(missing, column.count()) + " values missing in "
                + split + (reasons.isEmpty() ? "" : " (" + reasons + ")");
        if (ratio > maxRatio) {
            return result(severity.violated(), column, split, ratio, maxRatio,
                    what + "; at most " + Ratios.percent(maxRatio) + " allowed.", own.examples);
        }
        if (maxIncrease != null && reference.isPresent()) {
            Optional<String> unknown = unknownToken(reference.get(), roles);
            if (unknown.isPresent()) {
                return RuleResult.error(this, column.column(), split, "expected the reference profile to count the values '"
                        + unknown.get() + "' of " + column.column() + " to judge max_increase but it keeps no exact value "
                        + "counts for that column; declare the token under columns.missing_tokens to count it in every profile");
            }
            double referenceRatio = referenceRatio(reference.get(), roles);
            if (ratio - referenceRatio > maxIncrease) {
                return result(severity.violated(), column, split, ratio - referenceRatio, maxIncrease,
                        what + "; up from " + Ratios.percent(referenceRatio) + " in the reference, a rise of more than "
                                + Ratios.percent(maxIncrease) + ".", own.examples);
            }
        }
        return result(Status.PASS, column, split, ratio, maxRatio,
                what + "; within the allowed " + Ratios.percent(maxRatio) + ".", List.of());
    }

    /** The reference's ratio counted as this rule counts: its missing values plus its present values matching the rule's tokens. */
    private double referenceRatio(ColumnProfile reference, ColumnRoles roles) {
        long missing = reference.missing();
        for (String token : ownTokens(reference, roles)) {
            missing += ReferenceTokenCount.of(reference, token, numeric(roles, reference)).orElseThrow();
        }
        return reference.count() == 0 ? 0 : (double) missing / reference.count();
    }

    private Optional<String> unknownToken(ColumnProfile reference, ColumnRoles roles) {
        return ownTokens(reference, roles).stream()
                .filter(token -> ReferenceTokenCount.of(reference, token, numeric(roles, reference)).isEmpty())
                .findFirst();
    }

    /** The rule's tokens the reference does not already count as missing (as a dataset token, or in profiles made before rules kept their tokens). */
    private List<String> ownTokens(ColumnProfile reference, ColumnRoles roles) {
        MissingTokens dataset = MissingTokens.of(roles, reference.column());
        return tokens.stream()
                .filter(token -> !token.isEmpty() && dataset.match(token) == null)
                .filter(token -> !reference.missingByReason().containsKey("token:" + token))
                .toList();
    }

    private static boolean numeric(ColumnRoles roles, ColumnProfile column) {
        return !roles.comparedAsText(column.column());
    }

    private RuleResult result(Status status, ColumnProfile column, String split, double observed, double threshold,
                              String message, List<Evidence> evidence) {
        return new RuleResult(name, kind(), severity, status, column.column(), split, observed, threshold, message,
                evidence);
    }
}
