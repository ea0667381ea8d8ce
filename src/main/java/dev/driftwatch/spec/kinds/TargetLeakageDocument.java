package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.TargetLeakageRule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/**
 * {@code kind: target_leakage}; see {@link TargetLeakageRule}. Defaults: every column but id, label and tags;
 * max_power 0.95; max_evidence 10 (the rule keeps at most 5 groups per feature).
 */
public record TargetLeakageDocument(String name, String severity, List<String> features, String label, Double maxPower,
                                    Integer maxEvidence)
        implements RuleDocument {
    @Override
    public Rule toRule() {
        return Defaults.limited(new TargetLeakageRule(name, Severities.of(severity), features, label,
                maxPower == null ? 0.95 : maxPower), maxEvidence);
    }
}
