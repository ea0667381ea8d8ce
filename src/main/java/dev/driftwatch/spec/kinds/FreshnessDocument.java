package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.table.FreshnessRule;
import dev.driftwatch.spec.RuleDocument;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** {@code kind: freshness}; see {@link FreshnessRule}. Needs max_age ({@code 36h}, {@code 7d}, {@code PT12H}). */
public record FreshnessDocument(String name, String severity, String maxAge, String column) implements RuleDocument {
    @Override
    public Rule toRule() {
        return new FreshnessRule(name, Severities.of(severity), duration(Required.value(maxAge, "max_age")), column);
    }

    private static Duration duration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(s|m|h|d)").matcher(text.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("max_age: expected a duration such as 36h, 7d or PT12H but found '" + text + "'");
        }
    }
}
