package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.MissingValuesRule;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/**
 * {@code kind: missing_values}; see {@link MissingValuesRule}. Defaults: severity error, every column, no
 * tokens of its own, max_ratio 0, no max_increase, max_evidence 10.
 */
public record MissingValuesDocument(String name, String severity, List<String> columns, List<String> tokens,
                                    Double maxRatio, Double maxIncrease, Integer maxEvidence) implements RuleDocument {
    @Override
    public Rule toRule() {
        if (columns != null && columns.isEmpty()) {
            throw new IllegalArgumentException("columns: expected at least one column (leave the key out for every column)"
                    + " but found none");
        }
        return new MissingValuesRule(name, Severities.of(severity), columns, tokens,
                maxRatio == null ? 0.0 : maxRatio, maxIncrease, Defaults.evidence(maxEvidence));
    }
}
