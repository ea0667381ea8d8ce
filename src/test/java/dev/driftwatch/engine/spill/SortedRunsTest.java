package dev.driftwatch.engine.spill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorted runs against a plain recount: the records come back in order, each as often as it was added, whether they
 * stayed in memory or went to many runs on disk; no file is left once closed (on Linux the open file is unlinked at
 * once, so the folder never shows it).
 */
class SortedRunsTest {
    @TempDir
    Path folder;

    @Test
    void aTinyBudgetWritesManyRunsAndMergesThemIntoTheSameRecordsAsAHashMapCounts() throws IOException {
        // 200,003 records with at most one budget's chunk (8,192 records) in memory: 24 runs and a rest
        try (SortedRuns sorted = new SortedRuns(2, 1, folder)) {
            Map<List<Long>, Integer> expected = add(sorted, 2, 200_003, 50_000, 1);
            assertThat(sorted.runs()).isEqualTo(200_003 / 8_192);
            assertThat(readBack(sorted, 2)).isEqualTo(expected);
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void threeLongRecordsAndOneLongRecordsSortTheSameWay() throws IOException {
        try (SortedRuns sorted = new SortedRuns(3, 1, folder)) {
            Map<List<Long>, Integer> expected = add(sorted, 3, 30_001, 1_000, 2);
            assertThat(readBack(sorted, 3)).isEqualTo(expected).isNotEmpty();
            assertThat(sorted.runs()).isEqualTo(3);
        }
        try (SortedRuns sorted = new SortedRuns(1, 1, folder)) {
            Map<List<Long>, Integer> expected = add(sorted, 1, 20_000, 5_000, 3);
            assertThat(readBack(sorted, 1)).isEqualTo(expected).isNotEmpty();
            assertThat(sorted.runs()).isEqualTo(2);
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void aBudgetLargeEnoughKeepsEverythingInMemoryAndWritesNoFile() throws IOException {
        try (SortedRuns sorted = new SortedRuns(2, 64L << 20, folder)) {
            Map<List<Long>, Integer> expected = add(sorted, 2, 100_000, 10_000, 4);
            assertThat(sorted.runs()).isZero();
            assertThat(readBack(sorted, 2)).isEqualTo(expected);
            assertThat(files()).isEmpty();
        }
    }

    /** Adds random records with keys from a small range (so keys repeat) and returns how often each was added. */
    private static Map<List<Long>, Integer> add(SortedRuns sorted, int width, int count, int keys, long seed) {
        var random = new SplittableRandom(seed);
        Map<List<Long>, Integer> added = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long key = random.nextInt(keys) - keys / 2L;
            long payload = random.nextInt(3);
            long third = random.nextLong();
            switch (width) {
                case 1 -> sorted.add(key);
                case 2 -> sorted.add(key, payload);
                default -> sorted.add(key, payload, third);
            }
            added.merge(List.of(key, payload, third).subList(0, width), 1, Integer::sum);
        }
        return added;
    }

    /** Reads the records back, checking each is at least its predecessor (field by field); returns their counts. */
    private static Map<List<Long>, Integer> readBack(SortedRuns sorted, int width) {
        Map<List<Long>, Integer> read = new HashMap<>();
        SortedRuns.Cursor cursor = sorted.sorted();
        List<Long> previous = null;
        while (cursor.next()) {
            List<Long> record = new ArrayList<>();
            for (int f = 0; f < width; f++) {
                record.add(cursor.get(f));
            }
            if (previous != null) {
                assertThat(compare(previous, record)).as("%s before %s", previous, record).isLessThanOrEqualTo(0);
            }
            read.merge(record, 1, Integer::sum);
            previous = record;
        }
        return read;
    }

    private static int compare(List<Long> a, List<Long> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
