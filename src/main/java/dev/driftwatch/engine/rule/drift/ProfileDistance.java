package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.profile.CategoricalSummary;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.ValueCount;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How far a column moved between two profiles, from the profiles alone, between 0 (the same) and 1: for numbers the
 * Kolmogorov-Smirnov D at the edges of their sketches' bins, where both CDFs are exact ({@link SketchComparison}), for
 * categories the total variation distance of their shares (half the sum of the absolute differences). Stateless.
 */
public final class ProfileDistance {
    private ProfileDistance() {
    }

    /** The distance, or empty when the two have neither numbers nor categories in common. */
    public static Optional<Double> between(ColumnProfile before, ColumnProfile after) {
        if (before.numeric() != null && after.numeric() != null && before.numeric().count() > 0
                && after.numeric().count() > 0) {
            return Optional.of(SketchComparison.ksAtEdges(before.numeric(), after.numeric()));
        }
        CategoricalSummary first = before.categorical();
        CategoricalSummary second = after.categorical();
        if (first == null || second == null || first.total() == 0 || second.total() == 0) {
            return Optional.empty();
        }
        Map<String, Long> counts1 = counts(first);
        Map<String, Long> counts2 = counts(second);
        Set<String> values = new HashSet<>(counts1.keySet());
        values.addAll(counts2.keySet());
        double sum = 0;
        for (String value : values) {
            sum += Math.abs(counts1.getOrDefault(value, 0L) / (double) first.total()
                    - counts2.getOrDefault(value, 0L) / (double) second.total());
        }
        return Optional.of(sum / 2);
    }

    private static Map<String, Long> counts(CategoricalSummary summary) {
        Map<String, Long> counts = new HashMap<>();
        for (ValueCount value : summary.values()) {
            counts.put(value.value(), value.count());
        }
        return counts;
    }
}
