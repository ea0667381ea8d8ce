package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.MissingValuesRule;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/**
 * {@code kind: missing_values}; see {@link MissingValuesRule}. Defaults: every column ({@code ["*"]}), severity
 * error, max_ratio 0, max_evidence 10 (the rule keeps at most 5 rows per column and split).
 */
public record MissingValuesDocument(String name, String severity, List<String> columns, List<String> tokens,
                                    Double maxRatio, Double maxIncrease, Integer maxEvidence) implements RuleDocument {
    @Override
    public Rule toRule() {
        if (columns != null && columns.isEmpty()) {
            throw new IllegalArgumentException("columns: expected at least one column, or no key for every column, but found an empty list");
        }
        return Defaults.limited(new MissingValuesRule(name, Severities.of(severity), columns == null ? List.of("*") : columns,
                tokens, maxRatio == null ? 0.0 : maxRatio, maxIncrease), maxEvidence);
    }
}
