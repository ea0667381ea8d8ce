package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.OutliersRule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/** {@code kind: outliers}; see {@link OutliersRule}. Defaults: the numeric columns, max_ratio 0.05, max_evidence 10. */
public record OutliersDocument(String name, String severity, List<String> columns, Double maxRatio, Integer maxEvidence)
        implements RuleDocument {
    @Override
    public Rule toRule() {
        return Defaults.limited(new OutliersRule(name, Severities.of(severity), columns, maxRatio == null ? 0.05 : maxRatio),
                maxEvidence);
    }
}
