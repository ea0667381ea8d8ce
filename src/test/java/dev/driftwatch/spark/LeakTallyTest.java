package dev.driftwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A tally keeps the first rows of a cell in snapshot order and adds up its counts, whatever the order of its parts. */
class LeakTallyTest {

    @Test
    void aTallyKeepsTheFirstShownRowsWhateverTheOrderOffered() {
        LeakTally one = new LeakTally(1, 2, 3);
        LeakTally other = new LeakTally(1, 2, 3);
        int cell = one.cell(0, 0, 1);
        for (long position : new long[]{50, 10, 40, 20, 30}) {
            one.offer(cell, position, position + 1, Double.NaN);
        }
        other.offer(cell, 30, 31, Double.NaN);
        other.count(cell, 5);
        LeakTally merged = new LeakTally(1, 2, 3).with(other);
        merged.offer(cell, 20, 21, Double.NaN);
        merged.offer(cell, 10, 11, Double.NaN);

        assertThat(one.shown(cell)).extracting(row -> row[0]).containsExactly(10L, 20L, 30L);
        assertThat(merged.shown(cell)).extracting(row -> row[0]).containsExactly(10L, 20L, 30L);
        assertThat(merged.rows(cell)).isEqualTo(5);
    }
}
