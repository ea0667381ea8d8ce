package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bands sized from the threshold. Expected figures from python3: for rows r = 1 .. 256, bands
 * b = max(1, ceil(log(0.05) / log1p(-t**r))), the largest r with b <= 20 and r * b <= 256 (else r = 1 and
 * b = min(256, that b)); the S-curve 1 - (1 - t**r)**b at t.
 */
class LshBandsTest {
    @ParameterizedTest(name = "Jaccard {0}: {2} bands of {1}")
    @CsvSource({
            "0.01, 1, 256, 0.9237",
            "0.1, 1, 29, 0.9529",
            "0.3, 1, 9, 0.9596",
            "0.5, 2, 11, 0.9578",
            "0.6, 3, 13, 0.9577",
            "0.7, 5, 17, 0.9562",
            "0.8, 8, 17, 0.9559",
            "0.85, 12, 20, 0.9535",
            "0.9, 16, 15, 0.9538",
            "0.95, 25, 10, 0.9612",
            "1.0, 256, 1, 1.0"})
    void theBandsMakeAPairAtTheThresholdACandidateWithProbabilityAtLeast95Percent(double jaccard, int rows, int bands,
                                                                                  double atThreshold) {
        LshBands chosen = LshBands.forThreshold(jaccard);
        assertThat(chosen).isEqualTo(new LshBands(rows, bands));
        assertThat(chosen.candidateProbability(jaccard)).isCloseTo(atThreshold, Offset.offset(0.00005));
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> LshBands.forThreshold(0)).hasMessage(
                "expected a Jaccard threshold above 0 and at most 1 but found 0.0");
        assertThatThrownBy(() -> new LshBands(16, 17)).hasMessage(
                "expected rows and bands of at least 1 and at most 256 values but found 16 x 17");
    }

    @Test
    void equalSketchesGiveEqualKeysAndOneDifferentValueChangesOneBand() {
        LshBands bands = new LshBands(2, 3);
        long[] sketch = {1, 2, 3, 4, 5, 6};
        long[] keys = new long[3];
        long[] again = new long[3];
        bands.keys(sketch, keys);
        bands.keys(sketch.clone(), again);
        assertThat(again).isEqualTo(keys);
        sketch[3] = 40;
        bands.keys(sketch, again);
        assertThat(again[0]).isEqualTo(keys[0]);
        assertThat(again[1]).isNotEqualTo(keys[1]);
        assertThat(again[2]).isEqualTo(keys[2]);
    }
}
