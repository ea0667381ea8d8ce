package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.rows.LeakageMode;
import dev.driftwatch.engine.rule.rows.SplitLeakageRule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code kind: split_leakage}; see {@link SplitLeakageRule}. Defaults: the dataset's inputs, modes
 * id (when there is an id column), exact, normalised and near, jaccard 0.8, max_ratio 0.
 */
public record SplitLeakageDocument(String name, String severity, List<String> inputs, List<String> modes,
                                   Normalise normalise, Double jaccard, Double maxRatio, Integer maxEvidence)
        implements RuleDocument {
    @Override
    public Rule toRule() {
        Set<LeakageMode> parsed;
        try {
            parsed = modes == null ? null : modes.stream().map(LeakageMode::of).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("modes: " + e.getMessage());
        }
        return new SplitLeakageRule(name, Severities.of(severity), inputs, parsed, Normalise.of(normalise),
                jaccard == null ? 0.8 : jaccard, maxRatio == null ? 0.0 : maxRatio, Defaults.evidence(maxEvidence));
    }
}
