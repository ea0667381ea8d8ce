package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Severity;

/** The {@code severity:} key of a rule: {@code error} (the default) or {@code warn}. */
final class Severities {
    private Severities() {
    }

    static Severity of(String text) {
        if (text == null) {
            return Severity.ERROR;
        }
        try {
            return Severity.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity: " + e.getMessage());
        }
    }
}
