package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The branch-free minimum behind MinHash signatures is {@code Math.min}, overflow cases included. */
class MinHashTest {
    @Test
    void theBranchFreeMinimumIsMathMinForExtremeAndRandomPairs() {
        long[] extremes = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        for (long x : extremes) {
            for (long y : extremes) {
                assertThat(MinHash.smaller(x, y)).as(x + ", " + y).isEqualTo(Math.min(x, y));
            }
        }
        var random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long x = random.nextLong();
            long y = random.nextLong();
            assertThat(MinHash.smaller(x, y)).isEqualTo(Math.min(x, y));
        }
    }
}
