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
    /** Probes per bin looked up in a table rather than hashed: the first few decide nearly always. */
    private static final int TABLED_PROBES = 8;
    private final int bins;
    private final long[] filled;
    private final int[] probes;

    OnePermutationMinHash(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("expected at least 1 bin but found " + bins);
        }
        this.bins = bins;
        this.filled = new long[(bins + 63) / 64];
        this.probes = new int[bins * TABLED_PROBES];
        for (int bin = 0; bin < bins; bin++) {
            for (int attempt = 1; attempt <= TABLED_PROBES; attempt++) {
                probes[bin * TABLED_PROBES + attempt - 1] = probe(bin, attempt);
            }
        }
    }

    int bins() {
        return bins;
    }

    /** Writes the sketch of {@code count} shingle hashes (at least one) into {@code sketch}. */
    void sketch(long[] shingles, int count, long[] sketch) {
        Arrays.fill(sketch, 0, bins, EMPTY);
        long[] filled = this.filled;
        Arrays.fill(filled, 0);
        for (int i = 0; i < count; i++) {
            long hash = shingles[i];
            int bin = (int) (((hash >>> 32) * bins) >>> 32);
            sketch[bin] = Math.min(sketch[bin], hash);
            filled[bin >>> 6] |= 1L << bin;
        }
        densify(sketch);
    }

    /** Gives each empty bin the value of the first bin of its probe sequence that was filled. */
    private void densify(long[] sketch) {
        for (int word = 0; word < filled.length; word++) {
            long empty = ~filled[word] & (word < filled.length - 1 || bins % 64 == 0 ? -1L : (1L << bins % 64) - 1);
            for (; empty != 0; empty &= empty - 1) {
                int bin = word * 64 + Long.numberOfTrailingZeros(empty);
                // the first probe decides most often: tested here, the loop only when it fails
                int first = probes[bin * TABLED_PROBES];
                sketch[bin] = sketch[(filled[first >>> 6] & 1L << first) != 0 ? first : firstFilled(bin)];
            }
        }
    }

    /** The first bin of {@code bin}'s probe sequence that was filled before densifying. */
    private int firstFilled(int bin) {
        for (int attempt = 1; ; attempt++) {
            int source = attempt <= TABLED_PROBES ? probes[bin * TABLED_PROBES + attempt - 1] : probe(bin, attempt);
            if ((filled[source >>> 6] & 1L << source) != 0) {
                return source;
            }
        }
    }

    /** The {@code attempt}-th bin of {@code bin}'s probe sequence, the same for every text. */
    private int probe(int bin, long attempt) {
        long probe = Shingles.mix(PROBE_SEED + bin * 0x9E3779B97F4A7C15L + attempt * 0xD1B54A32D192ED03L);
        return (int) (((probe >>> 32) * bins) >>> 32);
    }
}
