package dev.driftwatch.engine.profile;

import java.util.List;
import java.util.Map;

/**
 * The profile of one column in one split. Immutable.
 *
 * @param count      rows of the split (present or not)
 * @param missing    rows where the value is null, empty, blank or a declared missing token
 * @param missingByReason missing rows by reason: {@code null}, {@code empty}, {@code blank}, {@code token:<value>}
 * @param distinct   estimated distinct present values (HyperLogLog, about 1.6% relative error)
 * @param type       the most common type among present values, or null when none is present
 * @param typeCounts present values by type
 * @param numeric    numeric summary, or null when no value parsed as a number
 * @param topValues  the most frequent present values, most frequent first
 */
public record ColumnProfile(String column, long count, long missing, Map<String, Long> missingByReason,
                            long distinct, ValueType type, Map<ValueType, Long> typeCounts,
                            NumericSummary numeric, List<ValueCount> topValues) {
    public ColumnProfile {
        missingByReason = Map.copyOf(missingByReason);
        typeCounts = Map.copyOf(typeCounts);
        topValues = List.copyOf(topValues);
    }

    /** Missing share in [0, 1]; 0 for an empty split. */
    public double missingRatio() {
        return count == 0 ? 0 : (double) missing / count;
    }
}
