package dev.driftwatch.engine.rule;

import java.util.Locale;

/** How much a failing rule matters: {@code error} blocks the CI gate, {@code warn} is reported only. */
public enum Severity {
    WARN, ERROR;

    /** The status a rule of this severity gets when its condition is violated. */
    public Status violated() {
        return this == ERROR ? Status.FAIL : Status.WARN;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity of(String text) {
        for (Severity severity : values()) {
            if (severity.id().equals(text)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("expected one of warn, error but found " + text);
    }
}
