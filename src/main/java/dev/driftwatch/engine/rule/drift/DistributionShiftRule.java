package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.rule.Shares;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.ReferencePairs;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code distribution_shift}: each listed column of each split against the reference: the same split
 * of the previous snapshot or pinned baseline (from its stored profile), or, when the dataset's
 * reference is a split, that split of this snapshot. Numbers, categories and labels, text (length and
 * the rate of words the reference never used) and tags (frequencies and tags per row). Without a
 * method, a test for references of at most {@code smallSample} rows ({@code ks}, {@code chi2}, with
 * Benjamini–Hochberg across the columns of one comparison) and an effect size above
 * ({@code wasserstein}, {@code js}), because on large samples every p-value is tiny.
 *
 * @param columns     the compared columns (default: every numeric, categorical, text, label and tags column of the roles)
 * @param method      a fixed method, or null to choose by column type and reference size
 * @param threshold   the method's threshold, or null for its default (for tests, the false-discovery rate)
 * @param maxOovRate  the largest allowed share of a text column's words that the reference never used
 */
public record DistributionShiftRule(String name, Severity severity, List<String> columns, DriftMethod method,
                                    Double threshold, double fdr, long smallSample, double maxOovRate)
        implements Rule {
    public DistributionShiftRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        columns = columns == null ? List.of() : List.copyOf(columns);
        if (fdr <= 0 || fdr >= 1) {
            throw new IllegalArgumentException("fdr: expected a rate above 0 and below 1 but found " + fdr);
        }
        Shares.require(maxOovRate, "max_oov_rate");
    }

    @Override
    public String kind() {
        return "distribution_shift";
    }

    /** The compared columns with how each is compared, from the roles. */
    Map<String, DriftKind> targets(ColumnRoles roles) {
        Map<String, DriftKind> all = new LinkedHashMap<>();
        roles.numeric().forEach(c -> all.put(c, DriftKind.NUMERIC));
        roles.categorical().forEach(c -> all.put(c, DriftKind.CATEGORICAL));
        roles.text().forEach(c -> all.put(c, DriftKind.TEXT));
        if (roles.label() != null) {
            all.put(roles.label(), DriftKind.CATEGORICAL);
        }
        if (roles.tags() != null) {
            all.put(roles.tags(), DriftKind.TAGS);
        }
        if (columns.isEmpty()) {
            return all;
        }
        Map<String, DriftKind> chosen = new LinkedHashMap<>();
        columns.forEach(c -> chosen.put(c, all.getOrDefault(c, DriftKind.CATEGORICAL)));
        return chosen;
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        Map<String, DriftKind> targets = targets(context.dataset().columns());
        if (targets.isEmpty()) {
            return List.of(RuleResult.error(this, null, null, "expected columns to compare (columns on the rule, or "
                    + "numeric, categorical, text, label or tags roles) but found none"));
        }
        var comparison = new DriftComparison(this, targets);
        return ReferencePairs.compare(this, context, pair -> comparison.compare(pair.split(),
                new DriftSide(pair.reference()), new DriftSide(pair.current()), pair.against()));
    }
}
