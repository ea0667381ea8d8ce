package dev.driftwatch.engine.spill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorted buffers sharing one budget: together they hold at most the budget plus one chunk each (read buffers of the
 * merge included), they spill when the shared budget is full though each alone would fit, and each hands back exactly
 * what a plain sort of its records gives.
 */
class MemoryBudgetTest {
    private static final int[] WIDTHS = {1, 2, 3};
    /** Records per buffer: 5, 3 and 2 chunks, 320, 384 and 384 KiB, each under the budget alone. */
    private static final int[] RECORDS = {40_000, 20_000, 15_000};
    private static final long BUDGET = 512 * 1024;

    @TempDir
    Path folder;

    @Test
    void aBudgetGrantsWhatFitsUnderItsLimitAndAFirstChunkBeyondIt() {
        var budget = new MemoryBudget(100);
        assertThat(budget.tryTake(60)).isTrue();
        assertThat(budget.tryTake(41)).isFalse();
        assertThat(budget.tryTake(40)).isTrue();
        budget.take(30);
        assertThat(budget.inUse()).isEqualTo(130);
        budget.give(130);
        assertThat(budget.inUse()).isZero();
        assertThat(budget.peak()).isEqualTo(130);
        assertThatThrownBy(() -> new MemoryBudget(-1))
                .hasMessage("expected a budget of 0 or more bytes but found -1");
    }

    @Test
    void eachBufferAloneKeepsItsRecordsInMemoryUnderTheBudget() {
        for (int b = 0; b < WIDTHS.length; b++) {
            var alone = new MemoryBudget(BUDGET);
            try (SortedRuns sorted = new SortedRuns(WIDTHS[b], alone, folder)) {
                added(sorted, WIDTHS[b], RECORDS[b], new SplittableRandom(b));
                assertThat(sorted.runs()).as("width %d", WIDTHS[b]).isZero();
                assertThat(alone.peak()).isLessThanOrEqualTo(BUDGET);
            }
            assertThat(alone.inUse()).isZero();
        }
    }

    @Test
    void buffersSharingABudgetSpillToStayUnderItAndStillSortEveryRecord() {
        var shared = new MemoryBudget(BUDGET);
        long bound = BUDGET + SortedRuns.chunkBytes(1) + SortedRuns.chunkBytes(2) + SortedRuns.chunkBytes(3);
        List<SortedRuns> buffers = new ArrayList<>();
        List<List<long[]>> added = new ArrayList<>();
        var random = new SplittableRandom(7);
        for (int width : WIDTHS) {
            buffers.add(new SortedRuns(width, shared, folder));
            added.add(new ArrayList<>());
        }
        try {
            for (int i = 0; i < RECORDS[0]; i++) {
                for (int b = 0; b < WIDTHS.length; b++) {
                    if (i < RECORDS[b]) {
                        added.get(b).add(add(buffers.get(b), WIDTHS[b], random));
                        assertThat(shared.inUse()).isLessThanOrEqualTo(bound);
                    }
                }
            }
            assertThat(shared.peak()).isLessThanOrEqualTo(bound).isGreaterThan(BUDGET / 2);
            for (int b = 0; b < WIDTHS.length; b++) {
                assertThat(buffers.get(b).runs()).as("runs of width %d", WIDTHS[b]).isPositive();
                assertThat(readBack(buffers.get(b), WIDTHS[b])).isDeepEqualTo(plainlySorted(added.get(b)));
                buffers.get(b).close();
            }
        } finally {
            buffers.forEach(SortedRuns::close);
        }
        assertThat(shared.inUse()).isZero();
    }

    @Test
    void buffersFilledOnThreadsOfTheirOwnStayUnderTheSharedBudget() throws Exception {
        var shared = new MemoryBudget(BUDGET);
        int threads = 4;
        long bound = BUDGET + threads * SortedRuns.chunkBytes(2);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> sortedAsAdded = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                sortedAsAdded.add(pool.submit(() -> {
                    try (SortedRuns sorted = new SortedRuns(2, shared, folder)) {
                        List<long[]> records = added(sorted, 2, 100_000, new SplittableRandom(seed));
                        return Arrays.deepEquals(readBack(sorted, 2), plainlySorted(records));
                    }
                }));
            }
            for (Future<Boolean> result : sortedAsAdded) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(shared.peak()).isLessThanOrEqualTo(bound);
        assertThat(shared.inUse()).isZero();
    }

    @Test
    void mergingManyRunsTakesItsReadBuffersFromTheBudgetAndMergesInPassesWhenTheyDoNotFit() {
        for (long limit : new long[]{0, 32 * 1024, BUDGET}) {
            for (int width : WIDTHS) {
                var budget = new MemoryBudget(limit);
                long bound = Math.max(limit, SortedRuns.chunkBytes(width)) + SortedRuns.chunkBytes(width);
                try (SortedRuns sorted = new SortedRuns(width, budget, folder)) {
                    List<long[]> records = added(sorted, width, 300_000, new SplittableRandom(limit + width));
                    assertThat(sorted.runs()).as("runs of width %d in %d bytes", width, limit)
                            .isGreaterThan(limit < BUDGET ? 30 : 1);
                    assertThat(readBack(sorted, width)).isDeepEqualTo(plainlySorted(records));
                    assertThat(budget.inUse()).as("the read buffers are taken from the budget").isPositive();
                }
                assertThat(budget.peak()).as("peak of width %d in %d bytes", width, limit).isLessThanOrEqualTo(bound);
                assertThat(budget.inUse()).isZero();
            }
        }
    }

    private static List<long[]> added(SortedRuns sorted, int width, int count, SplittableRandom random) {
        List<long[]> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(add(sorted, width, random));
        }
        return records;
    }

    /** Adds a random record (keys from a small range, so they repeat) and returns it. */
    private static long[] add(SortedRuns sorted, int width, SplittableRandom random) {
        long[] record = new long[width];
        record[0] = random.nextInt(10_000) - 5_000;
        for (int f = 1; f < width; f++) {
            record[f] = random.nextLong();
        }
        switch (width) {
            case 1 -> sorted.add(record[0]);
            case 2 -> sorted.add(record[0], record[1]);
            default -> sorted.add(record[0], record[1], record[2]);
        }
        return record;
    }

    private static long[][] plainlySorted(List<long[]> records) {
        long[][] sorted = records.toArray(long[][]::new);
        Arrays.sort(sorted, Arrays::compare);
        return sorted;
    }

    private static long[][] readBack(SortedRuns sorted, int width) {
        List<long[]> read = new ArrayList<>();
        SortedRuns.Cursor cursor = sorted.sorted();
        while (cursor.next()) {
            long[] record = new long[width];
            for (int f = 0; f < width; f++) {
                record[f] = cursor.get(f);
            }
            read.add(record);
        }
        return read.toArray(long[][]::new);
    }
}
