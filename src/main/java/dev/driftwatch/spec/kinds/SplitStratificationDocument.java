package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.SplitStratificationRule;
import dev.driftwatch.spec.RuleDocument;

/** {@code kind: split_stratification}; see {@link SplitStratificationRule}. Default: max_share_difference 0.05. */
public record SplitStratificationDocument(String name, String severity, Double maxShareDifference) implements RuleDocument {
    @Override
    public Rule toRule() {
        return new SplitStratificationRule(name, Severities.of(severity), maxShareDifference == null ? 0.05 : maxShareDifference);
    }
}
