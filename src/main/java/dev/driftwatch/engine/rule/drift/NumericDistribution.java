package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.profile.NumericSummary;
import dev.driftwatch.engine.profile.SortedNumbers;
import java.util.Map;
import java.util.Optional;

/**
 * A numeric distribution as the drift methods see it: its size and standard deviation (n - 1), its exact
 * values when the profile kept them, and its sketch (a profile's numeric summary: quantiles within 1% of the
 * value) otherwise. Immutable.
 */
final class NumericDistribution {
    private final long count;
    private final double stdDev;
    private final SortedNumbers exact;
    private final NumericSummary sketch;
    private final String inexactReason;

    private NumericDistribution(long count, double stdDev, SortedNumbers exact, NumericSummary sketch, String inexactReason) {
        this.count = count;
        this.stdDev = stdDev;
        this.exact = exact;
        this.sketch = sketch;
        this.inexactReason = inexactReason;
    }

    /** A profile's numeric summary: its exact values when it kept them, else its sketch. */
    static NumericDistribution of(NumericSummary summary) {
        String reason = null;
        if (summary.exactValues().isEmpty()) {
            reason = summary.exactValuesLimit().isPresent()
                    ? String.format(java.util.Locale.ROOT, "has %,d values, more than exact_values_limit %,d",
                            summary.count(), summary.exactValuesLimit().getAsLong())
                    : "keeps no exact values (text lengths, and profiles stored before format 3, keep none)";
        }
        return new NumericDistribution(summary.count(), summary.stdDev(), summary.exactValues().orElse(null), summary, reason);
    }

    /** Exact counts by whole number (rows by their number of tags). */
    static NumericDistribution ofCounts(Map<Integer, Long> counts) {
        SortedNumbers numbers = SortedNumbers.ofCounts(counts);
        long n = numbers.count();
        double sum = 0;
        var runs = numbers.runs();
        while (runs.next()) {
            sum += runs.value() * runs.count();
        }
        double mean = n == 0 ? 0 : sum / n;
        double squares = 0;
        runs = numbers.runs();
        while (runs.next()) {
            squares += Math.pow(runs.value() - mean, 2) * runs.count();
        }
        return new NumericDistribution(n, n < 2 ? 0 : Math.sqrt(squares / (n - 1)), numbers, null, null);
    }

    long count() {
        return count;
    }

    /** Sample standard deviation (n - 1); 0 for fewer than two values. */
    double stdDev() {
        return stdDev;
    }

    Optional<SortedNumbers> exact() {
        return Optional.ofNullable(exact);
    }

    /** The sketch, for a distribution without exact values (never null then). */
    NumericSummary sketch() {
        return sketch;
    }

    /** Why there are no exact values, or null when there are. */
    String inexactReason() {
        return inexactReason;
    }

    /** The quantile: NumPy's linear rule on exact values, else the sketch's (within 1% of the value). */
    double quantile(double rank) {
        return exact != null ? exact.quantile(rank) : sketch.quantile(rank);
    }
}
