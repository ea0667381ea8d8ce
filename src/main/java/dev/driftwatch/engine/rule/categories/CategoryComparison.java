package dev.driftwatch.engine.rule.categories;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.RuleResult;
import java.util.ArrayList;
import java.util.List;

/** The new (and, when asked, gone) values of the columns of one split against its reference. */
final class CategoryComparison {
    private final NewCategoriesRule rule;
    private final String split;
    private final String against;

    /** @param against how the reference is named in messages ("split train") */
    CategoryComparison(NewCategoriesRule rule, String split, String against) {
        this.rule = rule;
        this.split = split;
        this.against = against;
    }

    List<RuleResult> compare(String column, CategoryCounts side, CategoryCounts reference) {
        List<RuleResult> results = new ArrayList<>();
        var fresh = CategoryDifference.of(side, reference, rule.minCount());
        results.add(judge(column, fresh, side, rule.maxNewShare(),
                (fresh.listed().size() == 1 ? " value is new since " : " values are new since ") + against,
                caveat(fresh, side, "split " + split, reference, against)).withCheck("new"));
        if (rule.disappeared()) {
            var gone = CategoryDifference.of(reference, side, rule.minCount());
            results.add(judge(column, gone, reference, rule.maxDisappearedShare(),
                    (gone.listed().size() == 1 ? " value of " : " values of ") + against + " "
                            + (gone.listed().size() == 1 ? "is" : "are") + " gone",
                    caveat(gone, reference, against, side, "split " + split)).withCheck("disappeared"));
        }
        return results;
    }

    /** @param holder the side whose rows hold the listed values */
    private RuleResult judge(String column, CategoryDifference difference, CategoryCounts holder, double allowed,
                             String what, String caveat) {
        double share = holder.rows() == 0 ? 0 : (double) difference.rows() / holder.rows();
        boolean violated = share > allowed;
        String message = column + " in " + split + ": " + Ratios.count(difference.listed().size()) + what
                + (difference.listed().isEmpty() ? "" : ", held by " + Ratios.share(difference.rows(), holder.rows())
                + " rows: " + CategoryDifference.describe(difference.listed()))
                + (difference.belowMin().isEmpty() ? "" : "; ignored below min_count " + rule.minCount() + ": "
                + CategoryDifference.describe(difference.belowMin()))
                + caveat
                + (violated ? "; at most " + Ratios.percent(allowed) + " allowed." : ".");
        List<Evidence> evidence = difference.listed().entrySet().stream().limit(rule.maxEvidence())
                .map(e -> Evidence.of("value", e.getKey(), "rows", String.valueOf(e.getValue()),
                        "share", String.valueOf(holder.rows() == 0 ? 0 : (double) e.getValue() / holder.rows()),
                        "rows_are", holder.exact() ? "exact" : "at least"))
                .toList();
        return RuleResult.judged(rule, violated, column, split, share, allowed, message, evidence);
    }

    /**
     * Empty when both sides count exactly; else the error bounds and what they leave unknown.
     *
     * @param side  the side whose values are listed
     * @param other the side they are missing from
     */
    private static String caveat(CategoryDifference difference, CategoryCounts side, String sideName,
                                 CategoryCounts other, String otherName) {
        String caveat = "";
        if (!other.exact()) {
            caveat += "; " + otherName + " keeps estimated counts, so a value it seems to lack may hold up to "
                    + Ratios.count(other.error()) + " rows there: only values with more rows than that are listed ("
                    + Ratios.count(difference.unresolved()) + " not listed)";
        }
        if (!side.exact()) {
            caveat += "; counts in " + sideName + " are estimates up to " + Ratios.count(side.error())
                    + " rows too high (listed at their fewest), and values with at most that many rows are not tracked";
        }
        return caveat;
    }
}
