package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the search keeps per later row: a first match for every row, the best match for the first rows shown. */
class NearMatchesTest {
    @Test
    void theFirstShownRowsKeepTheirMostSimilarEarlierRowAndOthersTheirFirstMatch() {
        NearMatches matches = new NearMatches(10, 2);
        matches.found(5, 1, 0.85);
        matches.found(3, 7, 0.9);
        matches.found(9, 4, 0.8);
        assertThat(matches.found()).isEqualTo(3);
        // 9 is not among the first two matched rows (3 and 5): once matched, the search skips it
        assertThat(matches.wants(9)).isFalse();
        assertThat(matches.similarity(9)).isNaN();
        assertThat(matches.matched(9)).isTrue();
        assertThat(matches.partner(9)).as("kept for the rows shown only").isEqualTo(-1);
        assertThat(matches.wants(3)).isTrue();
        matches.found(3, 2, 0.95);
        matches.found(3, 6, 0.92);
        assertThat(matches.partner(3)).isEqualTo(2);
        assertThat(matches.similarity(3)).isEqualTo(0.95);
        // a tie goes to the earlier row that comes first
        matches.found(5, 0, 0.85);
        assertThat(matches.partner(5)).isEqualTo(0);
        matches.found(3, 8, 1.0);
        // a shown row stays wanted at 1.0: an equal earlier row that comes first would take its place
        assertThat(matches.wants(3)).isTrue();
        matches.found(3, 9, 1.0);
        assertThat(matches.partner(3)).isEqualTo(8);
        matches.found(3, 4, 1.0);
        assertThat(matches.partner(3)).isEqualTo(4);
        // row 1 enters the first two: row 5 leaves them and is skipped from now on
        matches.found(1, 8, 0.8);
        assertThat(matches.similarity(1)).isEqualTo(0.8);
        assertThat(matches.similarity(5)).isNaN();
        assertThat(matches.wants(5)).isFalse();
        assertThat(matches.found()).isEqualTo(4);
        assertThat(matches.matched(2)).isFalse();
        assertThat(matches.partner(2)).isEqualTo(-1);
        assertThat(matches.wants(2)).isTrue();
        assertThat(matches.shownRows()).containsExactly(1, 3);
    }

    /**
     * Pairs found by searches of two band ranges, merged, give what one search of all bands gives, and both give what a
     * plain recount of the pairs says: every later row with a pair is matched, and each of the first rows shown has its
     * most similar earlier row (the first of equals).
     */
    @Test
    void matchesOfTwoBandRangesMergedAreThoseOfOneSearchAndOfARecount() {
        var random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int laterRows = 1 + random.nextInt(30);
            int shown = random.nextInt(5);
            List<double[]> pairs = new ArrayList<>();
            for (int i = random.nextInt(60); i > 0; i--) {
                pairs.add(new double[]{random.nextInt(laterRows), random.nextInt(20), 0.8 + random.nextInt(3) / 10.0,
                        random.nextInt(17)});
            }
            pairs.sort(Comparator.comparingDouble(p -> p[3]));
            NearMatches whole = new NearMatches(laterRows, shown);
            NearMatches low = new NearMatches(laterRows, shown);
            NearMatches high = new NearMatches(laterRows, shown);
            for (double[] pair : pairs) {
                offer(whole, pair);
                offer(pair[3] < 8 ? low : high, pair);
            }
            low.merge(high);

            TreeMap<Integer, double[]> best = new TreeMap<>();
            for (double[] pair : pairs) {
                best.merge((int) pair[0], pair, (a, b) -> b[2] > a[2] || b[2] == a[2] && b[1] < a[1] ? b : a);
            }
            for (NearMatches matches : List.of(whole, low)) {
                assertThat(matches.found()).isEqualTo(best.size());
                int rank = 0;
                for (int row = 0; row < laterRows; row++) {
                    double[] expected = best.get(row);
                    assertThat(matches.matched(row)).isEqualTo(expected != null);
                    if (expected != null && rank++ < shown) {
                        assertThat(matches.partner(row)).isEqualTo((int) expected[1]);
                        assertThat(matches.similarity(row)).isEqualTo(expected[2]);
                    } else {
                        assertThat(matches.similarity(row)).isNaN();
                        assertThat(matches.partner(row)).isEqualTo(-1);
                    }
                }
            }
        }
    }

    /** As the search hands a verified pair {later, earlier, similarity, band} to its sink. */
    private static void offer(NearMatches matches, double[] pair) {
        if (matches.wants((int) pair[0])) {
            matches.found((int) pair[0], (int) pair[1], pair[2]);
        }
    }

    @Test
    void withoutEvidenceEveryMatchedRowIsSkipped() {
        NearMatches matches = new NearMatches(3, 0);
        matches.found(0, 2, 0.9);
        assertThat(matches.wants(0)).isFalse();
        assertThat(matches.similarity(0)).isNaN();
        assertThat(matches.found()).isEqualTo(1);
    }
}
