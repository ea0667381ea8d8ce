package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.TargetLeakageRule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/** {@code kind: target_leakage}; see {@link TargetLeakageRule}. Defaults: every column but id, label and tags; max_power 0.95. */
public record TargetLeakageDocument(String name, String severity, List<String> features, String label, Double maxPower)
        implements RuleDocument {
    @Override
    public Rule toRule() {
        return new TargetLeakageRule(name, Severities.of(severity), features, label, maxPower == null ? 0.95 : maxPower);
    }
}
