package dev.driftwatch.engine.profile;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact numbers in ascending order: the values a profile kept of a numeric column (see
 * {@link NumericSummary#exactValues()}), or counts of whole numbers (tags per row). Read as runs of equal
 * values ({@link #runs()}), by rank ({@link #valueAt(long)}, {@link #quantile(double)}) or by value
 * ({@link #atOrBelow(double)}). {@code -0.0} is kept as {@code 0.0}. Immutable and thread-safe.
 */
public final class SortedNumbers {
    /** Ascending; with repeats when {@code ends} is null, else distinct. */
    private final double[] values;
    /** For distinct values, the number of values up to and including each one; else null. */
    private final long[] ends;
    private final int length;
    private final long count;

    private SortedNumbers(double[] values, long[] ends, int length, long count) {
        this.values = values;
        this.ends = ends;
        this.length = length;
        this.count = count;
    }

    /** The first {@code length} values of an array already sorted ascending; the array is shared, never changed. */
    static SortedNumbers ofSorted(double[] sorted, int length) {
        return new SortedNumbers(sorted, null, length, length);
    }

    /** Counts by value, e.g. rows by their number of tags; values with a count of 0 are left out. */
    public static SortedNumbers ofCounts(Map<? extends Number, Long> counts) {
        TreeMap<Double, Long> sorted = new TreeMap<>();
        counts.forEach((value, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("expected counts of at least 0 but found " + n + " for " + value);
            }
            if (n > 0) {
                sorted.merge(value.doubleValue() + 0.0, n, Long::sum);
            }
        });
        double[] values = new double[sorted.size()];
        long[] ends = new long[sorted.size()];
        int i = 0;
        long total = 0;
        for (var e : sorted.entrySet()) {
            values[i] = e.getKey();
            total += e.getValue();
            ends[i++] = total;
        }
        return new SortedNumbers(values, ends, values.length, total);
    }

    /** How many numbers (repeats included). */
    public long count() {
        return count;
    }

    /** The number of rank k (0-based, ascending). */
    public double valueAt(long k) {
        if (k < 0 || k >= count) {
            throw new IllegalArgumentException("expected a rank from 0 to " + (count - 1) + " but found " + k);
        }
        if (ends == null) {
            return values[(int) k];
        }
        int i = Arrays.binarySearch(ends, 0, length, k + 1);
        return values[i >= 0 ? i : -i - 1];
    }

    /**
     * The quantile as NumPy's default {@code np.quantile(a, rank)} ({@code method='linear'}, R type 7): with
     * h = (n - 1) rank, the values of ranks floor(h) and floor(h) + 1 interpolated by h - floor(h), in
     * NumPy's way ({@code b - (b - a)(1 - t)} when t ≥ 0.5), so the result is NumPy's to the last bit.
     */
    public double quantile(double rank) {
        if (!(rank >= 0 && rank <= 1)) {
            throw new IllegalArgumentException("expected a rank between 0 and 1 but found " + rank);
        }
        if (count == 0) {
            return Double.NaN;
        }
        double virtual = (count - 1) * rank;
        double previous = Math.floor(virtual);
        if (virtual >= count - 1) {
            return valueAt(count - 1);
        }
        double a = valueAt((long) previous);
        double b = valueAt((long) previous + 1);
        double t = virtual - previous;
        double difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }

    /** How many numbers are at most x. */
    public long atOrBelow(double x) {
        int lo = 0;
        int hi = length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return ends == null ? lo : lo == 0 ? 0 : ends[lo - 1];
    }

    /** A cursor over the runs of equal values, ascending. */
    public Runs runs() {
        return new Runs();
    }

    /** Runs of equal values, ascending: call {@link #next()} before reading each. Not thread-safe. */
    public final class Runs {
        private int next;
        private double value;
        private long size;

        private Runs() {
        }

        /** Moves to the next run; false when there is none. */
        public boolean next() {
            if (next >= length) {
                return false;
            }
            value = values[next];
            if (ends != null) {
                size = ends[next] - (next == 0 ? 0 : ends[next - 1]);
                next++;
                return true;
            }
            int end = next + 1;
            while (end < length && values[end] == value) {
                end++;
            }
            size = end - next;
            next = end;
            return true;
        }

        public double value() {
            return value;
        }

        /** How many numbers equal {@link #value()}. */
        public long count() {
            return size;
        }
    }
}
