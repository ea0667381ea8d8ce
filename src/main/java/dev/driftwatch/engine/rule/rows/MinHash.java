package dev.driftwatch.engine.rule.rows;

import com.carrotsearch.hppc.IntHashSet;
import dev.driftwatch.engine.rule.Fingerprint;

/**
 * MinHash signatures of texts over character 5-gram shingles, and a banded LSH index over them.
 * With 128 hashes the estimated Jaccard similarity has a standard error of about
 * sqrt(J(1-J)/128), 0.035 at J = 0.8. Signatures are immutable; an index is not thread-safe.
 */
final class MinHash {
    static final int HASHES = 128;
    private static final int SHINGLE = 5;
    private static final long[] SEEDS = seeds();

    private MinHash() {
    }

    /**
     * The signature of a (normalised) text; a text shorter than a shingle is one shingle. Each minimum
     * is kept to its low 16 bits: two different minimums then agree by chance once in 65,536, which
     * moves the estimated similarity by less than 0.0001.
     */
    static short[] signature(String text) {
        long[] minimum = new long[HASHES];
        java.util.Arrays.fill(minimum, Long.MAX_VALUE);
        int shingles = Math.max(1, text.length() - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long base = Fingerprint.of(text.substring(i, Math.min(text.length(), i + SHINGLE)));
            // branch-free (the minimum too), so that the JIT runs the 128 hashes in vector registers
            for (int h = 0; h < HASHES; h++) {
                minimum[h] = smaller(mix(base ^ SEEDS[h]), minimum[h]);
            }
        }
        short[] signature = new short[HASHES];
        for (int h = 0; h < HASHES; h++) {
            signature[h] = (short) minimum[h];
        }
        return signature;
    }

    /** Rows per band: the most that still makes pairs at the threshold very likely to share a band. */
    static int rowsPerBand(double jaccard) {
        for (int rows : new int[]{16, 8, 4, 2}) {
            double knee = Math.pow(1.0 / (HASHES / rows), 1.0 / rows);
            if (knee <= jaccard - 0.05) {
                return rows;
            }
        }
        return 1;
    }

    /**
     * Banded buckets of signatures, for finding candidates without comparing every pair: one sorted
     * {@code long} per item and band, the band's hash in the high bits and the item in the low
     * {@link #ITEM_BITS}, so at most 2^18 items (8 bytes per item and band, no object per item).
     */
    static final class Index {
        static final int ITEM_BITS = 18;
        private static final long ITEM_MASK = (1L << ITEM_BITS) - 1;
        private final int rows;
        private final long[] entries;

        Index(double jaccard, NearSignatures signatures) {
            if (signatures.size() > ITEM_MASK + 1) {
                throw new IllegalArgumentException("at most " + (ITEM_MASK + 1) + " items but found " + signatures.size());
            }
            this.rows = rowsPerBand(jaccard);
            int bands = HASHES / rows;
            entries = new long[signatures.size() * bands];
            for (int item = 0; item < signatures.size(); item++) {
                long[] keys = bands(signatures.get(item));
                for (int b = 0; b < bands; b++) {
                    entries[item * bands + b] = keys[b] & ~ITEM_MASK | item;
                }
            }
            java.util.Arrays.sort(entries);
        }

        /** Items sharing at least one band with the signature, without repeats, in ascending order. */
        int[] candidates(short[] signature) {
            IntHashSet found = new IntHashSet();
            for (long band : bands(signature)) {
                long bucket = band & ~ITEM_MASK;
                int i = java.util.Arrays.binarySearch(entries, bucket);
                for (int at = i >= 0 ? i : -i - 1; at < entries.length && (entries[at] & ~ITEM_MASK) == bucket; at++) {
                    found.add((int) (entries[at] & ITEM_MASK));
                }
            }
            int[] items = found.toArray();
            java.util.Arrays.sort(items);
            return items;
        }

        private long[] bands(short[] signature) {
            long[] keys = new long[HASHES / rows];
            for (int b = 0; b < keys.length; b++) {
                long key = b * 0x9E3779B97F4A7C15L;
                for (int r = 0; r < rows; r++) {
                    key = mix(key ^ signature[b * rows + r]);
                }
                keys[b] = key;
            }
            return keys;
        }
    }

    /** {@code Math.min(x, y)} without a branch or a conditional move, which the JIT can vectorise. */
    static long smaller(long x, long y) {
        long difference = x - y;
        // all ones when x < y, also when x - y overflows (Hacker's Delight 2-12)
        long lessThan = (difference ^ ((x ^ y) & (difference ^ x))) >> 63;
        return y ^ ((x ^ y) & lessThan);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        long[] seeds = new long[HASHES];
        long state = 42;
        for (int i = 0; i < HASHES; i++) {
            state += 0x9E3779B97F4A7C15L;
            seeds[i] = mix(state);
        }
        return seeds;
    }
}
