package dev.driftwatch.engine.profile;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A count of a profile that may come from a sketch: exact, or an estimate with bounds that hold the true count
 * (a deterministic bound, such as a Misra-Gries error, or about 99.7% confidence, three standard deviations, for
 * HyperLogLog and sampled vocabularies). An exact figure has {@code lower == value == upper}. Immutable.
 *
 * @param value the count (for an estimate, the sketch's estimate)
 * @param lower the fewest the true count can be
 * @param upper the most the true count can be
 * @param exact true when the value is the true count
 */
public record Figure(long value, long lower, long upper, boolean exact) {
    public Figure {
        if (lower > value || value > upper) {
            throw new IllegalArgumentException("expected lower <= value <= upper but found " + lower + ", " + value
                    + ", " + upper);
        }
        if (exact && (lower != value || upper != value)) {
            throw new IllegalArgumentException("expected an exact figure to be its own bounds but found " + lower
                    + " <= " + value + " <= " + upper);
        }
    }

    public static Figure exact(long value) {
        return new Figure(value, value, value, true);
    }

    /** An estimate; its bounds are widened to include the value itself. Bounds that leave one value make it exact. */
    public static Figure estimate(long value, long lower, long upper) {
        long low = Math.min(lower, value);
        long high = Math.max(upper, value);
        return new Figure(value, low, high, low == high);
    }

    /** The largest distance from the value to a bound (0 when exact). */
    public long error() {
        return Math.max(value - lower, upper - value);
    }

    public boolean contains(long count) {
        return lower <= count && count <= upper;
    }

    /** "1,234" when exact, "about 1,234 (±24)" when estimated. */
    public String text() {
        String count = String.format(Locale.ROOT, "%,d", value);
        return exact ? count : String.format(Locale.ROOT, "about %s (±%,d)", count, error());
    }

    /** The JSON shape of every figure that may be estimated: {@code {"value", "exact", "lower", "upper"}}. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", value);
        json.put("exact", exact);
        json.put("lower", lower);
        json.put("upper", upper);
        return json;
    }

    @Override
    public String toString() {
        return text();
    }
}
