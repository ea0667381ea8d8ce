package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.tags.TagCheck;
import dev.driftwatch.engine.rule.tags.UnseenTagsRule;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code kind: unseen_tags}; see {@link UnseenTagsRule}. Defaults: the dataset's tags (else label) column,
 * checks out_of_vocabulary, rare (when a minimum frequency is set) and new, max_oov_ratio 0, max_new 0,
 * exclude and min_frequency from the dataset's vocabulary declaration.
 */
public record UnseenTagsDocument(String name, String severity, String column, List<String> checks,
                                 Double maxOovRatio, Integer minFrequency, List<String> exclude, Long maxNew,
                                 Integer maxEvidence) implements RuleDocument {
    @Override
    public Rule toRule() {
        Set<TagCheck> parsed;
        try {
            parsed = checks == null ? null : checks.stream().map(TagCheck::of).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checks: " + e.getMessage());
        }
        return new UnseenTagsRule(name, Severities.of(severity), column, parsed, maxOovRatio == null ? 0 : maxOovRatio,
                minFrequency, exclude == null ? null : Set.copyOf(exclude), maxNew == null ? 0 : maxNew,
                Defaults.evidence(maxEvidence));
    }
}
