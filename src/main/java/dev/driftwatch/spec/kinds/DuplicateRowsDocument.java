package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.rows.DuplicateRowsRule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/** {@code kind: duplicate_rows}; see {@link DuplicateRowsRule}. Defaults: every column but the id, max_ratio 0. */
public record DuplicateRowsDocument(String name, String severity, List<String> columns, Double maxRatio,
                                    Integer maxEvidence) implements RuleDocument {
    @Override
    public Rule toRule() {
        return new DuplicateRowsRule(name, Severities.of(severity), columns, maxRatio == null ? 0.0 : maxRatio,
                Defaults.evidence(maxEvidence));
    }
}
