package dev.driftwatch.engine.rule;

/**
 * Where a strategy expects the next value of a figure, both ends included; an end may be infinite (no bound).
 */
public record ExpectedRange(double lower, double upper) {
    public ExpectedRange {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("expected lower <= upper but found " + lower + " and " + upper);
        }
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** A range around {@code centre}: {@code below} under it and {@code above} over it (null: unbounded). */
    public static ExpectedRange around(double centre, Double below, Double above) {
        return new ExpectedRange(below == null ? Double.NEGATIVE_INFINITY : centre - below,
                above == null ? Double.POSITIVE_INFINITY : centre + above);
    }
}
