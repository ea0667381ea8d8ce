package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exact values of a numeric column of one split, kept while they number at most a limit (the dataset's
 * {@code exact_values_limit}) in a primitive {@code double[]} (8 bytes a value), and dropped for good once
 * they number more: the column's sketch then stands alone. The lanes of one profiling pass share a count of
 * the values they hold (reported every {@value #CHUNK} values), so together they hold at most the limit plus
 * {@value #CHUNK} values a lane, and a lane drops its values as soon as the shared count passes the limit.
 * Whether values are kept depends only on how many there are, never on the thread count, and the values
 * are stored sorted: the profile is the same byte for byte. Not thread-safe (the shared count is).
 */
final class ExactValues {
    static final int CHUNK = 4096;
    private static final double[] NONE = new double[0];

    private final long limit;
    private final AtomicLong held;
    private double[] values = NONE;
    private int size;
    private long seen;
    private int unreported;
    private boolean sorted = true;
    private boolean dropped;

    /**
     * @param limit the most values kept (0 keeps none)
     * @param held  the values held by every lane of this column and split, or null for an accumulator on its own
     */
    ExactValues(long limit, AtomicLong held) {
        if (limit < 0 || limit > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("expected a limit from 0 to " + (Integer.MAX_VALUE - 8) + " but found " + limit);
        }
        this.limit = limit;
        this.held = held;
    }

    void add(double x) {
        seen++;
        if (dropped) {
            return;
        }
        if (seen > limit) {
            drop();
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, (int) Math.min(limit, Math.max(256, 2L * values.length)));
        }
        double value = x + 0.0;
        sorted = sorted && (size == 0 || values[size - 1] <= value);
        values[size++] = value;
        if (held != null && ++unreported == CHUNK) {
            unreported = 0;
            if (held.addAndGet(CHUNK) > limit) {
                drop();
            }
        }
    }

    private void drop() {
        dropped = true;
        values = null;
        size = 0;
    }

    /** Adds the other's values; both must belong to the same column and split. */
    void merge(ExactValues other) {
        seen += other.seen;
        if (dropped || other.dropped || seen > Math.min(limit, other.limit)) {
            drop();
            return;
        }
        // a new array, never the old one extended: a view of the old values (sortedValues) stays as it was
        double[] both = new double[size + other.size];
        if (sorted && other.sorted) {
            mergeSorted(values, size, other.values, other.size, both);
        } else {
            System.arraycopy(values, 0, both, 0, size);
            System.arraycopy(other.values, 0, both, size, other.size);
            sorted = false;
        }
        values = both;
        size += other.size;
    }

    /** Sorts the values now (a lane's worker does so at the end of its pass), so that merging them keeps them sorted. */
    void sort() {
        if (!dropped && !sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
    }

    private static void mergeSorted(double[] a, int aSize, double[] b, int bSize, double[] into) {
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < aSize && j < bSize) {
            into[k++] = Double.compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
        }
        System.arraycopy(a, i, into, k, aSize - i);
        System.arraycopy(b, j, into, k + aSize - i, bSize - j);
    }

    /** The values seen, kept or not. */
    long seen() {
        return seen;
    }

    long limit() {
        return limit;
    }

    /** The values in ascending order, or null once they numbered more than the limit. Not to be added to afterwards. */
    SortedNumbers sortedValues() {
        if (dropped) {
            return null;
        }
        sort();
        return SortedNumbers.ofSorted(values, size);
    }

    /** Limit, values seen, then the kept values as runs of equal values (value, count), ascending. */
    void write(DataOutput out) throws IOException {
        out.writeLong(limit);
        out.writeLong(seen);
        out.writeBoolean(!dropped);
        if (dropped) {
            return;
        }
        sort();
        int runs = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                runs++;
            }
        }
        out.writeInt(runs);
        for (int i = 0; i < size; ) {
            int end = i + 1;
            while (end < size && values[end] == values[i]) {
                end++;
            }
            out.writeDouble(values[i]);
            out.writeInt(end - i);
            i = end;
        }
    }

    static ExactValues read(DataInput in) throws IOException {
        var exact = new ExactValues(in.readLong(), null);
        exact.seen = in.readLong();
        if (!in.readBoolean()) {
            exact.drop();
            return exact;
        }
        if (exact.seen > exact.limit) {
            throw new IOException("expected at most " + exact.limit + " exact values but found " + exact.seen);
        }
        exact.values = new double[(int) exact.seen];
        int runs = in.readInt();
        double previous = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < runs; r++) {
            double value = in.readDouble();
            int count = in.readInt();
            if (count < 1 || exact.size + (long) count > exact.seen || (r > 0 && !(value > previous))) {
                throw new IOException("expected ascending runs of " + exact.seen + " values but found run " + r
                        + " of value " + value + " and count " + count);
            }
            Arrays.fill(exact.values, exact.size, exact.size + count, value);
            exact.size += count;
            previous = value;
        }
        if (exact.size != exact.seen) {
            throw new IOException("expected " + exact.seen + " exact values but found " + exact.size);
        }
        return exact;
    }
}
