package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.rows.ConflictingLabelsRule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/**
 * {@code kind: conflicting_labels}; see {@link ConflictingLabelsRule}. Defaults: the dataset's inputs and
 * label (or tags), every normalisation step, max_groups 0.
 */
public record ConflictingLabelsDocument(String name, String severity, List<String> inputs, String label,
                                        Normalise normalise, Long maxGroups, Integer maxEvidence)
        implements RuleDocument {
    @Override
    public Rule toRule() {
        return new ConflictingLabelsRule(name, Severities.of(severity), inputs, label, Normalise.of(normalise),
                maxGroups == null ? 0 : maxGroups, Defaults.evidence(maxEvidence));
    }
}
