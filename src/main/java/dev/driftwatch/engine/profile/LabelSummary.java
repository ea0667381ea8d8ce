package dev.driftwatch.engine.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class distribution of a split's label (the declared {@code label} column, or a {@code tags} column
 * whose rows hold at most one tag). Immutable.
 *
 * @param column   the column the labels come from
 * @param counts   rows per class, most frequent first (missing labels are not a class)
 * @param maxError 0 when the counts are exact; else there were too many classes to count exactly, and each count
 *                 is a Misra-Gries estimate at most this much too high (classes with at most this many rows may be
 *                 missing)
 */
public record LabelSummary(String column, Map<String, Long> counts, long maxError) {
    public LabelSummary {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        if (maxError < 0) {
            throw new IllegalArgumentException("expected an error of 0 or more but found " + maxError);
        }
    }

    static LabelSummary of(String column, List<ValueCount> values, long maxError) {
        Map<String, Long> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.put(v.value(), v.count()));
        return new LabelSummary(column, counts, maxError);
    }

    /** False when there were too many classes to count exactly. */
    public boolean exact() {
        return maxError == 0;
    }

    /** The rows of one class as a figure (0 rows, with the error as its bound, for a class not counted). */
    public Figure count(String label) {
        Long count = counts.get(label);
        return count == null ? (exact() ? Figure.exact(0) : Figure.estimate(0, 0, maxError))
                : CountFigure.figure(count, maxError);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows of the largest class over rows of the smallest; 1 for one class, NaN for none. */
    public double imbalanceRatio() {
        if (counts.isEmpty()) {
            return Double.NaN;
        }
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long min = counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
        return (double) max / min;
    }

    /** Share of the smallest class; NaN for none. */
    public double minorityShare() {
        long total = total();
        return total == 0 ? Double.NaN : (double) counts.values().stream().mapToLong(Long::longValue).min().orElse(0) / total;
    }

    /** Share of each class, in the order of {@link #counts()}. */
    public Map<String, Double> shares() {
        long total = total();
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.forEach((k, v) -> shares.put(k, total == 0 ? 0 : (double) v / total));
        return shares;
    }
}
