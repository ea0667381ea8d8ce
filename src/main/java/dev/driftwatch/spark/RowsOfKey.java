package dev.driftwatch.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The rows of one key (a fingerprint, or a text for {@code near}) in each split: how many, and the places of the
 * first of them in snapshot order (at most {@code kept}; the first one is where an earlier split has the key, the
 * others are the later split's candidates for evidence). Merging keeps the counts exact and the first places.
 * Splits are numbered by {@link SplitsOfRows}.
 */
record RowsOfKey(long[] counts, long[][] first) implements Serializable {

    static RowsOfKey of(int splits, int split, long position) {
        long[] counts = new long[splits];
        long[][] first = new long[splits][];
        Arrays.fill(first, new long[0]);
        counts[split] = 1;
        first[split] = new long[]{position};
        return new RowsOfKey(counts, first);
    }

    RowsOfKey with(RowsOfKey other, int kept) {
        long[] counts = new long[this.counts.length];
        long[][] first = new long[this.counts.length][];
        for (int s = 0; s < counts.length; s++) {
            counts[s] = this.counts[s] + other.counts[s];
            first[s] = earliest(this.first[s], other.first[s], kept);
        }
        return new RowsOfKey(counts, first);
    }

    boolean in(int split) {
        return counts[split] > 0;
    }

    /** How many splits have rows of this key. */
    int splits() {
        return (int) Arrays.stream(counts).filter(c -> c > 0).count();
    }

    /** The place of the key's first row in a split that has it. */
    long firstIn(int split) {
        return first[split][0];
    }

    private static long[] earliest(long[] a, long[] b, int kept) {
        long[] merged = new long[Math.min(kept, a.length + b.length)];
        int i = 0;
        int j = 0;
        for (int n = 0; n < merged.length; n++) {
            merged[n] = j >= b.length || i < a.length && a[i] <= b[j] ? a[i++] : b[j++];
        }
        return merged;
    }
}
