package dev.driftwatch.engine.profile;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Accumulates one column of one split: memory is bounded by its sketches (HLL lgK 12, KLL k 200,
 * frequent items map 256), not by the number of rows. Not thread-safe; merge partial accumulators instead.
 */
final class ColumnAccumulator {
    private static final int HLL_LG_K = 12;
    private static final int TOP_VALUES = 20;

    private final String column;
    private final Set<String> missingTokens;
    private long count;
    private final Map<String, Long> missingByReason = new TreeMap<>();
    private final Map<ValueType, Long> typeCounts = new EnumMap<>(ValueType.class);
    private HllSketch distinct = new HllSketch(HLL_LG_K);
    private final KllDoublesSketch quantiles = KllDoublesSketch.newHeapInstance(200);
    private final Moments moments = new Moments();
    private long zeros;
    private long negatives;
    private final ItemsSketch<String> frequent = new ItemsSketch<>(256);

    ColumnAccumulator(String column, Set<String> missingTokens) {
        this.column = column;
        this.missingTokens = missingTokens;
    }

    void accept(Object value) {
        count++;
        String reason = missingReason(value);
        if (reason != null) {
            missingByReason.merge(reason, 1L, Long::sum);
            return;
        }
        if (value instanceof List<?> list) {
            typeCounts.merge(ValueType.LIST, 1L, Long::sum);
            list.forEach(item -> frequent.update(String.valueOf(item)));
            distinct.update(String.join("\u0001", list.stream().map(String::valueOf).sorted().toList()));
            return;
        }
        String text = (String) value;
        ValueType type = ValueType.of(text.strip());
        typeCounts.merge(type, 1L, Long::sum);
        distinct.update(text);
        frequent.update(text);
        if (type.isNumeric()) {
            double number = Double.parseDouble(text.strip());
            moments.add(number);
            quantiles.update(number);
            zeros += number == 0 ? 1 : 0;
            negatives += number < 0 ? 1 : 0;
        }
    }

    private String missingReason(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "empty" : null;
        }
        String text = (String) value;
        if (text.isEmpty()) {
            return "empty";
        }
        if (text.isBlank()) {
            return "blank";
        }
        return missingTokens.contains(text.strip()) ? "token:" + text.strip() : null;
    }

    String name() {
        return column;
    }

    /** Counts rows that were read before this column first appeared (absent means null). */
    void acceptMissing(long rowsWithoutColumn) {
        if (rowsWithoutColumn > 0) {
            count += rowsWithoutColumn;
            missingByReason.merge("null", rowsWithoutColumn, Long::sum);
        }
    }

    /** After a merge, counts the rows of the other side that never had this column. */
    void padTo(long rows) {
        acceptMissing(rows - count);
    }

    void merge(ColumnAccumulator other) {
        count += other.count;
        other.missingByReason.forEach((k, v) -> missingByReason.merge(k, v, Long::sum));
        other.typeCounts.forEach((k, v) -> typeCounts.merge(k, v, Long::sum));
        Union union = new Union(HLL_LG_K);
        union.update(distinct);
        union.update(other.distinct);
        distinct = union.getResult();
        quantiles.merge(other.quantiles);
        moments.merge(other.moments);
        zeros += other.zeros;
        negatives += other.negatives;
        frequent.merge(other.frequent);
    }

    ColumnProfile toProfile() {
        long missing = missingByReason.values().stream().mapToLong(Long::longValue).sum();
        ValueType type = typeCounts.entrySet().stream()
                .max(Map.Entry.<ValueType, Long>comparingByValue().thenComparing(e -> -e.getKey().ordinal()))
                .map(Map.Entry::getKey).orElse(null);
        if (type == ValueType.INTEGER && typeCounts.getOrDefault(ValueType.DECIMAL, 0L) > 0) {
            type = ValueType.DECIMAL;
        }
        return new ColumnProfile(column, count, missing, missingByReason, Math.round(distinct.getEstimate()),
                type, typeCounts, numericSummary(), topValues());
    }

    private NumericSummary numericSummary() {
        if (moments.count() == 0) {
            return null;
        }
        List<Double> values = Arrays.stream(NumericSummary.RANKS)
                .mapToObj(rank -> quantiles.getQuantile(rank, QuantileSearchCriteria.INCLUSIVE))
                .toList();
        return new NumericSummary(moments.count(), moments.min(), moments.max(), moments.mean(), moments.stdDev(),
                zeros, negatives, values);
    }

    private List<ValueCount> topValues() {
        return Arrays.stream(frequent.getFrequentItems(ErrorType.NO_FALSE_POSITIVES))
                .sorted((a, b) -> a.getEstimate() != b.getEstimate()
                        ? Long.compare(b.getEstimate(), a.getEstimate())
                        : a.getItem().compareTo(b.getItem()))
                .limit(TOP_VALUES)
                .map(row -> new ValueCount(row.getItem(), row.getEstimate()))
                .toList();
    }
}
