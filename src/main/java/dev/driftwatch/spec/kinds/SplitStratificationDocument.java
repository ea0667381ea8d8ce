package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.SplitStratificationRule;
import dev.driftwatch.spec.RuleDocument;

/** {@code kind: split_stratification}; see {@link SplitStratificationRule}. Defaults: max_share_difference 0.05, max_evidence 10. */
public record SplitStratificationDocument(String name, String severity, Double maxShareDifference, Integer maxEvidence)
        implements RuleDocument {
    @Override
    public Rule toRule() {
        return Defaults.limited(new SplitStratificationRule(name, Severities.of(severity),
                maxShareDifference == null ? 0.05 : maxShareDifference), maxEvidence);
    }
}
