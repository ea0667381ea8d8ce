package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.profile.CategoricalSummary;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.Figure;
import dev.driftwatch.engine.profile.SpellingGroup;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.TextNormalisation;
import dev.driftwatch.engine.profile.ValueCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code inconsistent_values}: in categorical columns, groups of spellings that normalise to one value
 * ({@code IT}, {@code I.T.}, {@code it}; {@code >50K} and {@code >50K.}) after {@link TextNormalisation#all()}:
 * NFKC, case, punctuation and whitespace (symbols such as {@code <=} and {@code >} stay, so {@code <=50K} and
 * {@code >50K} are two values). Groups the profile's value counts (exact while the column has few values).
 *
 * @param columns   the columns (default: the categorical columns and the label)
 * @param maxGroups groups tolerated per column and split (default 0)
 */
public record InconsistentValuesRule(String name, Severity severity, List<String> columns, long maxGroups,
                                     int maxEvidence) implements Rule {
    private static final TextNormalisation NORMALISATION = TextNormalisation.all();

    public InconsistentValuesRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public String kind() {
        return "inconsistent_values";
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        var roles = context.dataset().columns();
        List<String> targets = new ArrayList<>(columns);
        if (targets.isEmpty()) {
            targets.addAll(roles.categorical());
            if (roles.label() != null) {
                targets.add(roles.label());
            }
        }
        if (targets.isEmpty()) {
            return List.of(RuleResult.error(this, null, null,
                    "expected columns (on the rule, or categorical or label roles) but found none"));
        }
        List<RuleResult> results = new ArrayList<>();
        context.current().splits().forEach((split, profile) -> {
            for (String column : targets) {
                var c = profile.column(column);
                if (c.isEmpty()) {
                    results.add(RuleResult.error(this, column, split, "column '" + column + "' is not in split " + split));
                } else if (c.get().categorical() == null) {
                    results.add(RuleResult.error(this, column, split, "column '" + column
                            + "' is profiled as text, not as categories; declare it under columns.categorical"));
                } else {
                    results.add(judge(c.get(), split));
                }
            }
        });
        return results;
    }

    /**
     * With estimated value counts, the groups found are certain (every tracked spelling occurs) but there may be more
     * among the untracked spellings, and their rows are estimates: the message says "at least" and "about".
     */
    private RuleResult judge(ColumnProfile column, String split) {
        CategoricalSummary counts = column.categorical();
        List<SpellingGroup> groups = groups(counts.values());
        Figure rows = counts.rowsOf(groups.stream().flatMap(g -> g.spellings().stream()).toList());
        List<Evidence> evidence = groups.stream().limit(maxEvidence)
                .map(g -> Evidence.of("normalised", g.key(), "spellings", spellings(g)))
                .toList();
        boolean violated = groups.size() > maxGroups;
        String caveat = counts.exact() ? "" : "; the profile keeps estimated counts of " + column.column() + " (up to "
                + Ratios.count(counts.maxError()) + (counts.maxError() == 1 ? " row" : " rows")
                + " too high, and spellings with at most that many rows are not tracked)";
        String message = column.column() + " in " + split + ": " + (counts.exact() ? "" : "at least ")
                + Ratios.count(groups.size()) + " value"
                + (groups.size() == 1 ? " is" : "s are") + " spelled more than one way"
                + (groups.isEmpty() ? "" : " (" + groups.stream().limit(3).map(DisplayGroup::of)
                .collect(Collectors.joining("; ")) + "), in " + rows.text() + " rows")
                + caveat + (violated ? "; at most " + maxGroups + " allowed." : ".");
        return RuleResult.judged(this, violated, column.column(), split, (double) groups.size(), (double) maxGroups,
                message, evidence);
    }

    /** Values grouped by their normalised form; groups of two or more spellings, largest first. */
    static List<SpellingGroup> groups(List<ValueCount> values) {
        Map<String, List<ValueCount>> byKey = new java.util.TreeMap<>();
        for (ValueCount value : values) {
            byKey.computeIfAbsent(NORMALISATION.apply(value.value()), k -> new ArrayList<>()).add(value);
        }
        return byKey.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> new SpellingGroup(e.getKey(), e.getValue(), e.getValue().stream().mapToLong(ValueCount::count).sum()))
                .sorted(java.util.Comparator.comparingLong(SpellingGroup::count).reversed())
                .toList();
    }

    private static String spellings(SpellingGroup group) {
        return group.spellings().stream().map(s -> "'" + s.value() + "' (" + s.count() + ")").collect(Collectors.joining(", "));
    }

    /** "'>50K' and '>50K.'". */
    private static final class DisplayGroup {
        static String of(SpellingGroup group) {
            List<String> names = group.spellings().stream().map(s -> "'" + s.value() + "'").toList();
            return names.size() <= 2 ? String.join(" and ", names)
                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        }
    }
}
