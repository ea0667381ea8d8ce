package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.rule.Shares;
import dev.driftwatch.engine.profile.Figure;
import dev.driftwatch.engine.profile.NumericFigures;
import dev.driftwatch.engine.profile.NumericSummary;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code outliers}: per numeric column and split, the share of values outside Tukey's fences
 * (Q1 − 1.5·IQR, Q3 + 1.5·IQR) is at most {@code maxRatio} (default 0.05). Reads the profile's sketch,
 * so the count is an estimate to one sketch bin (2% of the value): the message gives its bounds, and the verdict
 * and the observed value use the lower one.
 *
 * @param columns the columns (default: the numeric columns)
 */
public record OutliersRule(String name, Severity severity, List<String> columns, double maxRatio) implements Rule {
    public OutliersRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        columns = columns == null ? List.of() : List.copyOf(columns);
        Shares.require(maxRatio, "max_ratio");
    }

    @Override
    public String kind() {
        return "outliers";
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        List<String> targets = columns.isEmpty() ? context.dataset().columns().numeric() : columns;
        if (targets.isEmpty()) {
            return List.of(RuleResult.error(this, null, null, "expected columns (on the rule, or numeric roles) but found none"));
        }
        List<RuleResult> results = new ArrayList<>();
        context.current().splits().forEach((split, profile) -> {
            for (String column : targets) {
                var c = profile.column(column);
                if (c.isEmpty() || c.get().numeric() == null) {
                    results.add(RuleResult.error(this, column, split, "column '" + column + "' has no numeric values in split " + split));
                    continue;
                }
                NumericSummary n = c.get().numeric();
                Figure outside = NumericFigures.iqrOutliers(n);
                // judged by the fewest outliers the sketch's bins allow, so its resolution never fails the rule
                double ratio = n.count() == 0 ? 0 : (double) outside.lower() / n.count();
                boolean violated = ratio > maxRatio;
                String count = outside.exact() ? Ratios.share(outside.value(), n.count())
                        : String.format(Locale.ROOT, "%s of %s (%s, at least %s)", outside.text(), Ratios.count(n.count()),
                        Ratios.percent((double) outside.value() / n.count()), Ratios.percent(ratio));
                String message = String.format(Locale.ROOT, "%s in %s: %s values lie outside the IQR fences [%.4g, %.4g]%s%s",
                        column, split, count, n.lowerFence(), n.upperFence(),
                        outside.exact() ? "" : " (estimated from the distribution sketch, to one bin)",
                        violated ? "; at most " + Ratios.percent(maxRatio) + " allowed." : ".");
                var figures = Evidence.of("min", fmt(n.min()), "lower_fence", fmt(n.lowerFence()),
                        "upper_fence", fmt(n.upperFence()), "max", fmt(n.max()));
                results.add(RuleResult.judged(this, violated, column, split, ratio, maxRatio, message, List.of(figures)));
            }
        });
        return results;
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
