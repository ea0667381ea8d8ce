package dev.driftwatch.engine.rule.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * unseen_tags counts per distinct tag; a tag set per row (tags joined in one CSV value) makes as many tags as rows.
 * Past {@link TagTally#EXACT_TAGS} distinct tags the counts become frequent-items sketches, so the heap stops growing.
 */
class TagCountsMemoryTest {
    private static final int ROWS = 300_000;
    private static final Header HEADER = new Header(List.of("id", "tags"));

    @Test
    void aDistinctTagPerRowKeepsTheHeapBoundedByTheSketches() {
        // exact, a String, a Long and a map node per tag, twice (total and split), would be about 200 bytes a row; the
        // three sketches (total, train, test) keep about 3,000 tags each, a few hundred KB in all: under 8 bytes a row
        long before = usedHeapAfterCollection();
        var counts = new TagCounts("tags", "id", Set.of(), null, 5);
        for (int i = 0; i < ROWS; i++) {
            counts.accept(row(i, "tag_" + i + "|tag_" + (i * 7919 % ROWS)));
        }
        long after = usedHeapAfterCollection();
        Reference.reachabilityFence(counts);
        assertThat((double) (after - before) / ROWS).isLessThan(8);
        assertThat(counts.total.isExact()).isFalse();
        assertThat(counts.total.maxError()).isPositive();
    }

    @Test
    void fewDistinctTagsStayExact() {
        // 7 tags over 300,000 rows: i % 7 == k for 42,858 rows when k < 300,000 % 7 = 6, else 42,857 (recounted below)
        var counts = new TagCounts("tags", "id", Set.of(), null, 5);
        for (int i = 0; i < ROWS; i++) {
            counts.accept(row(i, "tag" + i % 7));
        }
        assertThat(counts.total.isExact()).isTrue();
        assertThat(counts.total.maxError()).isZero();
        for (int k = 0; k < 7; k++) {
            assertThat(counts.total.counts()).containsEntry("tag" + k, k < ROWS % 7 ? ROWS / 7 + 1L : ROWS / 7);
        }
    }

    @Test
    void theSketchKeepsAFrequentTagWithinItsStatedError() {
        // tag "often" in every 10th row (30,000 rows by construction) among 270,000 other tags, each seen once;
        // a tally bounded at 1,000 exact tags must keep it, over-counted by at most maxError
        var tally = new TagTally(1_000);
        for (int i = 0; i < ROWS; i++) {
            tally.add(i % 10 == 0 ? "often" : "once_" + i);
        }
        assertThat(tally.isExact()).isFalse();
        Map<String, Long> kept = tally.counts();
        assertThat(kept.get("often")).isBetween(30_000L, 30_000L + tally.maxError());
        assertThat(kept.size()).isLessThan(4_096);
    }

    private static Row row(int i, String tags) {
        return new Row(HEADER, new Object[]{String.valueOf(i), tags}, i % 10 < 7 ? "train" : "test", "rows.csv", i + 2L);
    }

    private static long usedHeapAfterCollection() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
