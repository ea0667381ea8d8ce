package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.TypeConsistencyRule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/** {@code kind: type_consistency}; see {@link TypeConsistencyRule}. Defaults: every column, max_ratio 0. */
public record TypeConsistencyDocument(String name, String severity, List<String> columns, Double maxRatio,
                                      Integer maxEvidence) implements RuleDocument {
    @Override
    public Rule toRule() {
        return new TypeConsistencyRule(name, Severities.of(severity), columns, maxRatio == null ? 0 : maxRatio,
                Defaults.evidence(maxEvidence));
    }
}
