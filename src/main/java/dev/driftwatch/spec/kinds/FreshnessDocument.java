package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.FreshnessRule;
import dev.driftwatch.spec.DurationText;
import dev.driftwatch.spec.RuleDocument;
import java.time.Duration;

/**
 * {@code kind: freshness}; see {@link FreshnessRule}. Needs max_age ({@code 36h}, {@code 7d}, {@code PT12H});
 * max_evidence 10 (its results carry none).
 */
public record FreshnessDocument(String name, String severity, String maxAge, String column, Integer maxEvidence)
        implements RuleDocument {
    @Override
    public Rule toRule() {
        return Defaults.limited(new FreshnessRule(name, Severities.of(severity), duration(Required.value(maxAge, "max_age")),
                column), maxEvidence);
    }

    private static Duration duration(String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("max_age: " + e.getMessage());
        }
    }
}
