package dev.driftwatch.engine.profile;

import java.util.List;
import java.util.Objects;

/**
 * A value with its count as a {@link Figure}: exact, or a Misra-Gries estimate, which is at most the summary's error
 * too high (and a tracked value occurred at least once). Immutable.
 *
 * @param value the value (a category, word or tag)
 * @param count its rows or occurrences
 */
public record CountFigure(String value, Figure count) {
    public CountFigure {
        Objects.requireNonNull(count, "count");
    }

    /** The counts of a frequent-items summary whose estimates are at most {@code maxError} too high (0: exact). */
    static List<CountFigure> of(List<ValueCount> counts, long maxError) {
        return counts.stream().map(c -> new CountFigure(c.value(), figure(c.count(), maxError))).toList();
    }

    /** The figure of one such estimate. */
    static Figure figure(long estimate, long maxError) {
        return maxError == 0 ? Figure.exact(estimate) : Figure.estimate(estimate, Math.max(1, estimate - maxError), estimate);
    }
}
