package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.MissingValuesRule;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/** {@code kind: missing_values}; see {@link MissingValuesRule}. Defaults: severity error, max_ratio 0. */
public record MissingValuesDocument(String name, String severity, List<String> columns, List<String> tokens,
                                    Double maxRatio, Double maxIncrease) implements RuleDocument {
    @Override
    public Rule toRule() {
        return new MissingValuesRule(name, Severities.of(severity), Required.list(columns, "columns"), tokens,
                maxRatio == null ? 0.0 : maxRatio, maxIncrease);
    }
}
