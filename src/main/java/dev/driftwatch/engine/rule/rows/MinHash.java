package dev.driftwatch.engine.rule.rows;

import dev.driftwatch.engine.rule.Fingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The signature of a (normalised) text; a text shorter than a shingle is one shingle. */
    static long[] signature(String text) {
        long[] minimum = new long[HASHES];
        java.util.Arrays.fill(minimum, Long.MAX_VALUE);
        int shingles = Math.max(1, text.length() - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long base = Fingerprint.of(text.substring(i, Math.min(text.length(), i + SHINGLE)));
            for (int h = 0; h < HASHES; h++) {
                long value = mix(base ^ SEEDS[h]);
                if (value < minimum[h]) {
                    minimum[h] = value;
                }
            }
        }
        return minimum;
    }

    /** Estimated Jaccard similarity: the share of equal minimums. */
    static double similarity(long[] a, long[] b) {
        int equal = 0;
        for (int h = 0; h < HASHES; h++) {
            equal += a[h] == b[h] ? 1 : 0;
        }
        return (double) equal / HASHES;
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

    /** Banded buckets of signatures, for finding candidates without comparing every pair. */
    static final class Index {
        private final int rows;
        private final Map<Long, List<Integer>> buckets = new HashMap<>();

        Index(double jaccard) {
            this.rows = rowsPerBand(jaccard);
        }

        void add(int item, long[] signature) {
            for (long band : bands(signature)) {
                buckets.computeIfAbsent(band, b -> new ArrayList<>(1)).add(item);
            }
        }

        /** Items sharing at least one band with the signature, without repeats. */
        List<Integer> candidates(long[] signature) {
            java.util.LinkedHashSet<Integer> found = new java.util.LinkedHashSet<>();
            for (long band : bands(signature)) {
                found.addAll(buckets.getOrDefault(band, List.of()));
            }
            return List.copyOf(found);
        }

        private long[] bands(long[] signature) {
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
