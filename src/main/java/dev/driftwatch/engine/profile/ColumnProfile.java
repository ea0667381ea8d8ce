package dev.driftwatch.engine.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profile of one column in one split. Immutable.
 *
 * <p>Every column has counts, missing values by reason, a distinct count and an inferred type. Numeric
 * values (whatever the inferred type) have a {@link #numeric()} summary; declared {@code inputs} and
 * {@code text} columns have a {@link #text()} summary; every column but those and the declared {@code id},
 * {@code numeric} and {@code timestamps} columns has {@link #categorical()} counts.
 */
public final class ColumnProfile {
    private static final int TOP_VALUES = 20;

    private final String column;
    private final long count;
    private final long missing;
    private final Map<String, Long> missingByReason;
    private final Figure distinct;
    private final ValueType type;
    private final Map<ValueType, Long> typeCounts;
    private final long mismatched;
    private final NumericSummary numeric;
    private final CategoricalSummary categorical;
    private final TextSummary text;
    private final String earliest;
    private final String latest;

    ColumnProfile(String column, long count, long missing, Map<String, Long> missingByReason, Figure distinct,
                  ValueType type, Map<ValueType, Long> typeCounts, long mismatched, NumericSummary numeric,
                  CategoricalSummary categorical, TextSummary text, String earliest, String latest) {
        this.column = column;
        this.count = count;
        this.missing = missing;
        this.missingByReason = Map.copyOf(missingByReason);
        this.distinct = distinct;
        this.type = type;
        this.typeCounts = Map.copyOf(typeCounts);
        this.mismatched = mismatched;
        this.numeric = numeric;
        this.categorical = categorical;
        this.text = text;
        this.earliest = earliest;
        this.latest = latest;
    }

    public String column() {
        return column;
    }

    /** Rows of the split (present or not). */
    public long count() {
        return count;
    }

    /** Rows where the value is null, empty, blank or a declared missing token. */
    public long missing() {
        return missing;
    }

    /** Missing rows by reason: {@code null}, {@code empty}, {@code blank}, {@code token:<value>}. */
    public Map<String, Long> missingByReason() {
        return missingByReason;
    }

    /** Missing share in [0, 1]; 0 for an empty split. */
    public double missingRatio() {
        return count == 0 ? 0 : (double) missing / count;
    }

    public long present() {
        return count - missing;
    }

    /** Distinct present values: {@link #distinctFigure()}'s value. */
    public long distinct() {
        return distinctFigure().value();
    }

    /**
     * Distinct present values: exact up to 4,096, else a HyperLogLog estimate (lgK 12, about 1.6% relative standard
     * error) within its three-standard-deviation bounds.
     */
    public Figure distinctFigure() {
        if (distinct == null) {
            throw new IllegalStateException("expected the distinct values of column " + column
                    + " to be counted but this run left them out (a gate that writes no profile nor report)");
        }
        return distinct;
    }

    /** The most common type among present values (integers count as decimals when both occur), or null. */
    public ValueType type() {
        return type;
    }

    /** Present values by type. */
    public Map<ValueType, Long> typeCounts() {
        return typeCounts;
    }

    /** Present values that do not fit the inferred type (mixed types: numbers stored as text, bad dates). */
    public long mismatched() {
        return mismatched;
    }

    /** {@link #mismatched()} over present values; 0 when none is present. */
    public double mismatchedShare() {
        long present = present();
        return present == 0 ? 0 : (double) mismatched / present;
    }

    /** Summary of the values that parsed as numbers, or null when none did. */
    public NumericSummary numeric() {
        return numeric;
    }

    /** Value counts (top-K and the rest, spelling groups); null for text, id, declared numeric and timestamp columns. */
    public CategoricalSummary categorical() {
        return categorical;
    }

    /** Text statistics for declared inputs and text columns; null otherwise. */
    public TextSummary text() {
        return text;
    }

    /** The 20 most frequent present values, most frequent first (empty for text columns). */
    public List<ValueCount> topValues() {
        return categorical == null ? List.of() : categorical.top(TOP_VALUES);
    }

    /** The earliest and latest values that look like ISO timestamps, compared as text. */
    public Optional<String> earliest() {
        return Optional.ofNullable(earliest);
    }

    public Optional<String> latest() {
        return Optional.ofNullable(latest);
    }
}
