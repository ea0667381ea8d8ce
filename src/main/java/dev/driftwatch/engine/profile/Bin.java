package dev.driftwatch.engine.profile;

/**
 * One bin of a numeric distribution: values in (lower, upper], represented by {@code value}.
 * Bins of two profiles share their edges (same logarithmic grid), so they can be compared bin by bin.
 *
 * @param count values in the bin
 */
public record Bin(double lower, double upper, double value, long count) {
    public Bin {
        if (count < 0) {
            throw new IllegalArgumentException("expected a count of 0 or more but found " + count);
        }
    }
}
