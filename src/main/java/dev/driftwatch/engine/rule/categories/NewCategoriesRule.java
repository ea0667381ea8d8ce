package dev.driftwatch.engine.rule.categories;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.ValueType;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.ReferencePairs;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.Shares;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code new_categories}: the values of each listed column of each split that its reference lacks (the
 * reference split of this snapshot, else the same split of the previous snapshot or pinned baseline, from
 * its stored profile), and optionally the reference's values that are gone. Reads the profiles' value
 * counts, so it is exact while a column has at most 1,000 distinct values; beyond, it lists only what the
 * Misra-Gries error bounds allow it to tell (see {@link CategoryDifference}) and says so.
 *
 * @param columns             the columns (default: every column with value counts, except undeclared ones
 *                            whose values read as numbers or timestamps)
 * @param maxNewShare         the largest allowed share of a split's rows holding a new value (default 0)
 * @param minCount            new (or gone) values held by fewer rows are ignored (default 1: none is)
 * @param disappeared         also judge the reference's values that the split lacks
 * @param maxDisappearedShare the largest allowed share of the reference's rows holding a gone value (default 0)
 */
public record NewCategoriesRule(String name, Severity severity, List<String> columns, double maxNewShare, long minCount,
                                boolean disappeared, double maxDisappearedShare, int maxEvidence) implements Rule {
    private static final Set<ValueType> NOT_CATEGORIES = Set.of(ValueType.INTEGER, ValueType.DECIMAL, ValueType.TIMESTAMP);

    public NewCategoriesRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        columns = columns == null ? List.of() : List.copyOf(columns);
        Shares.require(maxNewShare, "max_new_share");
        Shares.require(maxDisappearedShare, "max_disappeared_share");
        if (minCount < 1) {
            throw new IllegalArgumentException("min_count: expected 1 or more but found " + minCount);
        }
    }

    @Override
    public String kind() {
        return "new_categories";
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        ColumnRoles roles = context.dataset().columns();
        SplitPolicy splits = context.dataset().splits();
        String splitColumn = splits.kind() == SplitPolicy.Kind.COLUMN ? splits.column() : null;
        return ReferencePairs.compare(this, context,
                pair -> compare(roles, splitColumn, pair.current(), pair.reference(), pair.against()));
    }

    private List<RuleResult> compare(ColumnRoles roles, String splitColumn, SplitProfile split, SplitProfile reference,
                                     String against) {
        List<String> targets = targets(roles, splitColumn, split);
        if (targets.isEmpty()) {
            return List.of(RuleResult.error(this, null, split.split(), "expected columns with value counts (columns "
                    + "on the rule, or categorical or label roles) in split " + split.split() + " but found none"));
        }
        var comparison = new CategoryComparison(this, split.split(), against);
        List<RuleResult> results = new ArrayList<>();
        for (String column : targets) {
            String problem = Objects.requireNonNullElse(problem(split.column(column), column, "split " + split.split()),
                    Objects.requireNonNullElse(problem(reference.column(column), column, against), ""));
            if (!problem.isEmpty()) {
                results.add(RuleResult.error(this, column, split.split(), problem));
            } else {
                results.addAll(comparison.compare(column, CategoryCounts.of(split.column(column).get()),
                        CategoryCounts.of(reference.column(column).get())));
            }
        }
        return results;
    }

    /** Why the column has no value counts to compare, or null when it has. */
    private static String problem(Optional<ColumnProfile> column, String name, String where) {
        if (column.isEmpty()) {
            return "column '" + name + "' is not in " + where;
        }
        if (column.get().categorical() == null) {
            return "column '" + name + "' has no value counts in " + where + " (it is profiled as text, numbers, "
                    + "an id or timestamps); declare it under columns.categorical";
        }
        return null;
    }

    /** The listed columns, else every column with value counts but the split column (each split names itself). */
    private List<String> targets(ColumnRoles roles, String splitColumn, SplitProfile split) {
        if (!columns.isEmpty()) {
            return columns;
        }
        return split.columns().values().stream()
                .filter(c -> c.categorical() != null && !c.column().equals(splitColumn))
                .filter(c -> roles.categorical().contains(c.column()) || c.column().equals(roles.label())
                        || !NOT_CATEGORIES.contains(c.type()))
                .map(ColumnProfile::column)
                .toList();
    }
}
