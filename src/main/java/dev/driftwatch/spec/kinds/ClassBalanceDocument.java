package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.ClassBalanceRule;
import dev.driftwatch.spec.RuleDocument;

/**
 * {@code kind: class_balance}; see {@link ClassBalanceRule}. Defaults: the label (else tags) column,
 * max_imbalance_ratio 10, no min_minority_share, max_evidence 10.
 */
public record ClassBalanceDocument(String name, String severity, Double maxImbalanceRatio, Double minMinorityShare,
                                   Integer maxEvidence) implements RuleDocument {
    @Override
    public Rule toRule() {
        return new ClassBalanceRule(name, Severities.of(severity), maxImbalanceRatio == null ? 10 : maxImbalanceRatio,
                minMinorityShare, Defaults.evidence(maxEvidence));
    }
}
