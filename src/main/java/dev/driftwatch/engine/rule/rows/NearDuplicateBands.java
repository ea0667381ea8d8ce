package dev.driftwatch.engine.rule.rows;

/**
 * The {@code near} mode's view of a text, for one Jaccard threshold: its LSH band keys (character 5-gram shingles,
 * one-permutation MinHash with {@link LshBands#forThreshold} bands) and the exact Jaccard similarity of two texts'
 * shingle sets. Two texts are candidates when they share the key of one band (the same band); a candidate pair is a
 * near-duplicate when its exact similarity reaches the threshold. Shared by the local search and runners that
 * group band keys themselves. Not thread-safe: it keeps scratch space (one per thread or task).
 */
public final class NearDuplicateBands {
    private final double jaccard;
    private final LshBands bands;
    private final OnePermutationMinHash minHash;
    private final long[] sketch;
    private final ShingleSet first = new ShingleSet();
    private final ShingleSet second = new ShingleSet();
    private long[] shingles = new long[256];
    private char[] chars = new char[256];

    /** @param jaccard the threshold, above 0 and at most 1 */
    public NearDuplicateBands(double jaccard) {
        this.jaccard = jaccard;
        this.bands = LshBands.forThreshold(jaccard);
        this.minHash = new OnePermutationMinHash(bands.values());
        this.sketch = new long[bands.values()];
    }

    public double threshold() {
        return jaccard;
    }

    /** The number of bands, so of keys per text. */
    public int bands() {
        return bands.bands();
    }

    /** The key of every band of the text, band 0 first. */
    public long[] keys(String text) {
        long[] keys = new long[bands.bands()];
        keys(text, keys);
        return keys;
    }

    /** Writes the key of every band of the text into {@code keys} (at least {@link #bands()} long). */
    void keys(CharSequence text, long[] keys) {
        chars = Shingles.chars(text, chars);
        keys(chars, text.length(), keys);
    }

    /** As {@link #keys(CharSequence, long[])}, of a text's first {@code length} characters in an array. */
    void keys(char[] text, int length, long[] keys) {
        if (shingles.length < Shingles.count(length)) {
            shingles = new long[Math.max(Shingles.count(length), shingles.length * 2)];
        }
        int count = Shingles.hashes(text, length, shingles);
        minHash.sketch(shingles, count, sketch);
        bands.keys(sketch, keys);
    }

    /** The exact Jaccard similarity of the two texts' shingle sets. */
    public double similarity(String a, String b) {
        return first.of(a).jaccard(second.of(b));
    }
}
