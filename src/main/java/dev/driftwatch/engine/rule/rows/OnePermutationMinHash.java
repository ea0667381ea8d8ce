package dev.driftwatch.engine.rule.rows;

import java.util.Arrays;

/**
 * One-permutation MinHash with optimal densification (Shrivastava, "Optimal Densification for Fast and
 * Accurate Minwise Hashing", ICML 2017): a text's shingle hashes are spread over {@code bins} bins by
 * their high 32 bits and each bin keeps its smallest hash, so a text costs one hash per shingle instead of
 * one per shingle and bin. An empty bin (a text with fewer distinct shingles than bins, or by chance)
 * borrows the value of the first non-empty bin along a fixed pseudo-random probe sequence of its own.
 * For any two texts and any bin, the two values are equal with probability equal to the Jaccard
 * similarity of their shingle sets; equal shingle sets give equal sketches.
 *
 * <p>Cost per text: one pass over its n shingles, plus about bins² / m probes when only m bins are
 * filled (negligible from n ≈ bins on; about 18,000 hash evaluations for a text of fewer than 6
 * characters with 136 bins). Not thread-safe: it keeps scratch space.
 */
final class OnePermutationMinHash {
    private static final long EMPTY = Long.MAX_VALUE;
    private static final long PROBE_SEED = 0x632BE59BD9B4E019L;
    private final int bins;
    private final long[] filled;

    OnePermutationMinHash(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("expected at least 1 bin but found " + bins);
        }
        this.bins = bins;
        this.filled = new long[(bins + 63) / 64];
    }

    int bins() {
        return bins;
    }

    /** Writes the sketch of {@code count} shingle hashes (at least one) into {@code sketch}. */
    void sketch(long[] shingles, int count, long[] sketch) {
        Arrays.fill(sketch, 0, bins, EMPTY);
        for (int i = 0; i < count; i++) {
            long hash = shingles[i];
            int bin = (int) (((hash >>> 32) * bins) >>> 32);
            if (hash < sketch[bin]) {
                sketch[bin] = hash;
            }
        }
        densify(sketch);
    }

    private void densify(long[] sketch) {
        Arrays.fill(filled, 0);
        int empty = 0;
        for (int bin = 0; bin < bins; bin++) {
            if (sketch[bin] != EMPTY) {
                filled[bin >>> 6] |= 1L << bin;
            } else {
                empty++;
            }
        }
        for (int bin = 0; empty > 0 && bin < bins; bin++) {
            if (sketch[bin] == EMPTY) {
                sketch[bin] = sketch[firstFilled(bin)];
                empty--;
            }
        }
    }

    /** The first bin of {@code bin}'s probe sequence that was filled before densifying. */
    private int firstFilled(int bin) {
        for (long attempt = 1; ; attempt++) {
            long probe = Shingles.mix(PROBE_SEED + bin * 0x9E3779B97F4A7C15L + attempt * 0xD1B54A32D192ED03L);
            int source = (int) (((probe >>> 32) * bins) >>> 32);
            if ((filled[source >>> 6] & 1L << source) != 0) {
                return source;
            }
        }
    }
}
