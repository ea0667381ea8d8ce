package dev.driftwatch.engine.rule.rows;

import java.util.Locale;

/** How {@code split_leakage} matches a row of one split with a row of another. */
public enum LeakageMode {
    /** The same id. */
    ID("the same id"),
    /** The same inputs, byte for byte. */
    EXACT("the same inputs, exactly"),
    /** The same inputs after normalisation. */
    NORMALISED("the same inputs after normalising"),
    /** Inputs whose Jaccard similarity of 5-character shingles reaches the threshold (LSH candidates, verified exactly). */
    NEAR("near-duplicate inputs");

    private final String phrase;

    LeakageMode(String phrase) {
        this.phrase = phrase;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String phrase() {
        return phrase;
    }

    public static LeakageMode of(String id) {
        for (LeakageMode mode : values()) {
            if (mode.id().equals(id)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("expected one of id, exact, normalised, near but found " + id);
    }
}
