package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.InconsistentValuesRule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/** {@code kind: inconsistent_values}; see {@link InconsistentValuesRule}. Defaults: categorical columns and label, max_groups 0. */
public record InconsistentValuesDocument(String name, String severity, List<String> columns, Long maxGroups,
                                         Integer maxEvidence) implements RuleDocument {
    @Override
    public Rule toRule() {
        return new InconsistentValuesRule(name, Severities.of(severity), columns, maxGroups == null ? 0 : maxGroups,
                Defaults.evidence(maxEvidence));
    }
}
