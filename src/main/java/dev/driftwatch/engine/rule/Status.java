package dev.driftwatch.engine.rule;

/** The outcome of one rule on one target. Ordered from best to worst. */
public enum Status {
    PASS, WARN, FAIL, ERROR;

    public Status worst(Status other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
