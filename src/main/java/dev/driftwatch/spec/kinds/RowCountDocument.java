package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.RowCountRule;
import dev.driftwatch.spec.RuleDocument;

/**
 * {@code kind: row_count}; see {@link RowCountRule}. Needs min, max or max_change; per_split defaults to true;
 * max_evidence 10 (its results carry none).
 */
public record RowCountDocument(String name, String severity, Long min, Long max, Double maxChange, Boolean perSplit,
                               Integer maxEvidence)
        implements RuleDocument {
    @Override
    public Rule toRule() {
        return Defaults.limited(new RowCountRule(name, Severities.of(severity), min, max, maxChange,
                perSplit == null || perSplit), maxEvidence);
    }
}
