package dev.driftwatch.engine.rule.rows;

/**
 * The banding of a MinHash sketch for locality-sensitive hashing: {@code bands} bands of {@code rows}
 * values each, every band hashed to one 64-bit key. Two texts become a candidate pair when they share a
 * band key, which for Jaccard similarity J happens with probability {@code 1 - (1 - J^rows)^bands}
 * (the S-curve; bins taken as independent).
 *
 * <p>{@link #forThreshold(double)} sizes the bands from the declared threshold t: the largest
 * {@code rows} for which {@code bands = ceil(ln(1 - 0.95) / ln(1 - t^rows))} stays at most
 * {@value #MAX_BANDS} and the sketch at most {@value #MAX_VALUES} values. So a pair at exactly t is a
 * candidate with probability at least {@value #RECALL} (more above t), while rows as large as the band
 * budget allows make pairs well below t rarely candidates: unrelated texts are the bulk of all pairs.
 * For example t = 0.8 gives 17 bands of 8 (0.956 at 0.8, 0.064 at 0.5, 0.0011 at 0.3), t = 0.5 gives
 * 11 of 2, t = 0.9 gives 15 of 16. Below t ≈ 0.14 even one value per band needs more than
 * {@value #MAX_BANDS} bands: there bands of one value are as many as needed, at most {@value #MAX_VALUES}
 * (below t ≈ 0.012 the recall at t falls under 0.95: {@link #candidateProbability}).
 */
record LshBands(int rows, int bands) {
    static final double RECALL = 0.95;
    static final int MAX_BANDS = 20;
    static final int MAX_VALUES = 256;
    private static final long BAND_MULTIPLIER = 0xD1B54A32D192ED03L;

    LshBands {
        if (rows < 1 || bands < 1 || rows * bands > MAX_VALUES) {
            throw new IllegalArgumentException("expected rows and bands of at least 1 and at most " + MAX_VALUES
                    + " values but found " + rows + " x " + bands);
        }
    }

    static LshBands forThreshold(double jaccard) {
        if (!(jaccard > 0 && jaccard <= 1)) {
            throw new IllegalArgumentException("expected a Jaccard threshold above 0 and at most 1 but found " + jaccard);
        }
        LshBands chosen = null;
        for (int rows = 1; rows <= MAX_VALUES; rows++) {
            long bands = bandsFor(jaccard, rows);
            if (bands <= MAX_BANDS && rows * bands <= MAX_VALUES) {
                chosen = new LshBands(rows, (int) bands);
            }
        }
        return chosen != null ? chosen : new LshBands(1, (int) Math.min(MAX_VALUES, bandsFor(jaccard, 1)));
    }

    /** The fewest bands of {@code rows} values that make a pair at the threshold a candidate with probability {@link #RECALL}. */
    private static long bandsFor(double jaccard, int rows) {
        double p = Math.pow(jaccard, rows);
        if (p >= 1) {
            return 1;
        }
        double bands = Math.ceil(Math.log(1 - RECALL) / Math.log1p(-p));
        return bands > Integer.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) bands);
    }

    /** The probability that two texts of this Jaccard similarity share at least one band key. */
    double candidateProbability(double jaccard) {
        return 1 - Math.pow(1 - Math.pow(jaccard, rows), bands);
    }

    /** The values a sketch needs: rows × bands. */
    int values() {
        return rows * bands;
    }

    /**
     * Writes the key of every band of a sketch into {@code keys}: a polynomial hash of the band's values (which are
     * already well-mixed 64-bit hashes), mixed once, so that two different bands of values share a key with
     * probability about 2⁻⁶⁴ at the cost of a multiplication per value.
     */
    void keys(long[] sketch, long[] keys) {
        for (int band = 0; band < bands; band++) {
            long key = band + 1L;
            for (int i = band * rows, end = i + rows; i < end; i++) {
                key = key * BAND_MULTIPLIER + sketch[i];
            }
            keys[band] = Shingles.mix(key);
        }
    }
}
