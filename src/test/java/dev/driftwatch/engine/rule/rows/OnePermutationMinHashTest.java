package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One-permutation MinHash with densification: each bin of two sketches agrees with probability equal to the
 * Jaccard similarity of the two sets, for large sets and for sets with fewer elements than bins (where most
 * bins are borrowed). The sets are drawn with a known overlap; the hashes are random per trial.
 */
class OnePermutationMinHashTest {
    private static final int BINS = 136;
    private static final int TRIALS = 2_000;

    @ParameterizedTest(name = "{0} elements each, {1} in common")
    @CsvSource({
            // size, common: Jaccard = common / (2 size - common)
            "1000, 889",   // 0.8
            "1000, 667",   // 0.5
            "20, 15",      // 0.6, densified
            "8, 8",        // 1
            "8, 0",        // 0
            "3, 2"})       // 0.5, nearly all bins borrowed
    void binsAgreeWithProbabilityEqualToTheJaccardSimilarity(int size, int common) {
        double jaccard = (double) common / (2 * size - common);
        OnePermutationMinHash minHash = new OnePermutationMinHash(BINS);
        long[] a = new long[BINS];
        long[] b = new long[BINS];
        long equal = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            minHash.sketch(hashes(trial, 0, size), size, a);
            minHash.sketch(hashes(trial, size - common, size), size, b);
            for (int bin = 0; bin < BINS; bin++) {
                equal += a[bin] == b[bin] ? 1 : 0;
            }
        }
        // the mean of 2,000 trials: its standard error is below 0.0012 for large sets; borrowed bins repeat
        // values, so small sets vary more between trials (about sqrt(J(1 - J) / size) a trial: 0.0065 for 3)
        assertThat((double) equal / TRIALS / BINS).isCloseTo(jaccard, Offset.offset(size < 100 ? 0.03 : 0.005));
    }

    @Test
    void theSameSetInAnotherOrderAndWithRepeatsHasTheSameSketchAndOneElementFillsEveryBin() {
        OnePermutationMinHash minHash = new OnePermutationMinHash(BINS);
        long[] set = hashes(3, 0, 50);
        long[] shuffled = new long[100];
        for (int i = 0; i < 50; i++) {
            shuffled[i] = set[49 - i];
            shuffled[50 + i] = set[i];
        }
        long[] a = new long[BINS];
        long[] b = new long[BINS];
        minHash.sketch(set, 50, a);
        minHash.sketch(shuffled, 100, b);
        assertThat(b).isEqualTo(a);
        minHash.sketch(new long[] {42}, 1, a);
        assertThat(a).containsOnly(42);
    }

    @Test
    void aPairAtTheThresholdSharesABandAsOftenAsTheSCurveSays() {
        LshBands bands = LshBands.forThreshold(0.8);
        OnePermutationMinHash minHash = new OnePermutationMinHash(bands.values());
        long[] a = new long[bands.values()];
        long[] b = new long[bands.values()];
        long[] keysA = new long[bands.bands()];
        long[] keysB = new long[bands.bands()];
        int shared = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            minHash.sketch(hashes(trial, 0, 1000), 1000, a);
            minHash.sketch(hashes(trial, 111, 1000), 1000, b);
            bands.keys(a, keysA);
            bands.keys(b, keysB);
            boolean any = false;
            for (int band = 0; band < bands.bands(); band++) {
                any |= keysA[band] == keysB[band];
            }
            shared += any ? 1 : 0;
        }
        // 1 - (1 - 0.8^8)^17 = 0.9559; binomial standard error over 2,000 trials 0.0046
        assertThat((double) shared / TRIALS).isCloseTo(0.9559, Offset.offset(0.015));
    }

    /** Random hashes of the elements first .. first + size - 1, the same for an element within one trial. */
    private static long[] hashes(int trial, int first, int size) {
        long[] hashes = new long[size];
        Arrays.setAll(hashes, i -> Shingles.mix(trial * 0x9E3779B97F4A7C15L + first + i));
        return hashes;
    }
}
