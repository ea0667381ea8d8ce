package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.categories.NewCategoriesRule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/**
 * {@code kind: new_categories}; see {@link NewCategoriesRule}. Defaults: every column with value counts
 * (except undeclared ones that read as numbers or timestamps), max_new_share 0, min_count 1, disappeared
 * false, max_disappeared_share 0.
 */
public record NewCategoriesDocument(String name, String severity, List<String> columns, Double maxNewShare,
                                    Long minCount, Boolean disappeared, Double maxDisappearedShare,
                                    Integer maxEvidence) implements RuleDocument {
    @Override
    public Rule toRule() {
        return new NewCategoriesRule(name, Severities.of(severity), columns, maxNewShare == null ? 0 : maxNewShare,
                minCount == null ? 1 : minCount, Boolean.TRUE.equals(disappeared),
                maxDisappearedShare == null ? 0 : maxDisappearedShare, Defaults.evidence(maxEvidence));
    }
}
