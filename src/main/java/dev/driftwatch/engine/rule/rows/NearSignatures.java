package dev.driftwatch.engine.rule.rows;

import java.util.Arrays;

/**
 * The MinHash signatures of a split's rows, in one flat array (256 bytes per row), for at most
 * {@code limit} rows; later rows are only counted, as not searched. Not thread-safe.
 */
final class NearSignatures {
    private final int limit;
    private short[] values = new short[MinHash.HASHES * 1024];
    private int size;
    private long left;

    NearSignatures(int limit) {
        this.limit = limit;
    }

    /** Whether another signature would be kept; when not, call {@link #leaveOut()} instead of computing it. */
    boolean hasRoom() {
        return size < limit;
    }

    void add(short[] signature) {
        if (values.length < (size + 1) * MinHash.HASHES) {
            long grown = Math.min((long) limit * MinHash.HASHES, (long) values.length * 2);
            values = Arrays.copyOf(values, (int) Math.max(grown, (long) (size + 1) * MinHash.HASHES));
        }
        System.arraycopy(signature, 0, values, size * MinHash.HASHES, MinHash.HASHES);
        size++;
    }

    void leaveOut() {
        left++;
    }

    short[] get(int item) {
        return Arrays.copyOfRange(values, item * MinHash.HASHES, (item + 1) * MinHash.HASHES);
    }

    /** Estimated Jaccard similarity of a kept signature and another: the share of equal minimums. */
    double similarity(int item, short[] other) {
        int equal = 0;
        for (int h = 0, at = item * MinHash.HASHES; h < MinHash.HASHES; h++, at++) {
            equal += values[at] == other[h] ? 1 : 0;
        }
        return (double) equal / MinHash.HASHES;
    }

    int size() {
        return size;
    }

    /** Rows of the split beyond the limit, whose signatures were not kept. */
    long leftOut() {
        return left;
    }
}
