package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.ValueRangeRule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/** {@code kind: value_range}; see {@link ValueRangeRule}. Needs columns and min or max; max_ratio 0. */
public record ValueRangeDocument(String name, String severity, List<String> columns, Double min, Double max,
                                 Double maxRatio, Integer maxEvidence) implements RuleDocument {
    @Override
    public Rule toRule() {
        return new ValueRangeRule(name, Severities.of(severity), Required.list(columns, "columns"), min, max,
                maxRatio == null ? 0 : maxRatio, Defaults.evidence(maxEvidence));
    }
}
