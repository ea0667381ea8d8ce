package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(matches.partner(9)).isEqualTo(4);
        assertThat(matches.wants(3)).isTrue();
        matches.found(3, 2, 0.95);
        matches.found(3, 6, 0.92);
        assertThat(matches.partner(3)).isEqualTo(2);
        assertThat(matches.similarity(3)).isEqualTo(0.95);
        // a tie goes to the earlier row that comes first
        matches.found(5, 0, 0.85);
        assertThat(matches.partner(5)).isEqualTo(0);
        matches.found(3, 8, 1.0);
        assertThat(matches.wants(3)).isFalse();
        // row 1 enters the first two: row 5 leaves them and is skipped from now on
        matches.found(1, 8, 0.8);
        assertThat(matches.similarity(1)).isEqualTo(0.8);
        assertThat(matches.similarity(5)).isNaN();
        assertThat(matches.wants(5)).isFalse();
        assertThat(matches.found()).isEqualTo(4);
        assertThat(matches.partner(2)).isEqualTo(-1);
        assertThat(matches.wants(2)).isTrue();
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
