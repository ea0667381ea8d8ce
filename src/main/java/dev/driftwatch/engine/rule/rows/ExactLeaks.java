package dev.driftwatch.engine.rule.rows;

import com.carrotsearch.hppc.LongArrayList;
import dev.driftwatch.engine.spill.MemoryBudget;
import dev.driftwatch.engine.spill.SortedRuns;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToIntFunction;

/**
 * {@code split_leakage} by id, exact or normalised inputs: every row's key and location (16 bytes), sorted in bounded
 * memory ({@link SortedRuns}). One walk over the runs of equal keys finds, for every pair of splits, the rows of one
 * whose key the other has, and the first of them in file order (a location orders the rows of one split as read).
 * Not thread-safe.
 */
final class ExactLeaks implements Closeable {
    private final SortedRuns keys;

    ExactLeaks(MemoryBudget rowMemory) {
        this.keys = new SortedRuns(2, rowMemory, null);
    }

    void add(long key, long location) {
        keys.add(key, location);
    }

    /**
     * Per pair of splits (earlier, later): the rows of the later split whose key the earlier split has, and the first
     * {@code shown} of them as (location, location of the earlier split's first row with that key).
     *
     * @param splits  the number of splits
     * @param splitOf the split (0 to splits - 1) of a location
     */
    Found walk(int splits, LongToIntFunction splitOf, int shown) {
        var found = new Found(splits, shown);
        long[] count = new long[splits];
        long[] first = new long[splits];
        List<LongArrayList> earliest = new ArrayList<>();
        for (int s = 0; s < splits; s++) {
            earliest.add(new LongArrayList());
        }
        int[] present = new int[splits];
        try (keys) {
            SortedRuns.Cursor sorted = keys.sorted();
            boolean more = sorted.next();
            while (more) {
                long key = sorted.get(0);
                int inGroup = 0;
                do {
                    long location = sorted.get(1);
                    int split = splitOf.applyAsInt(location);
                    if (count[split]++ == 0) {
                        first[split] = location;
                        present[inGroup++] = split;
                    }
                    if (earliest.get(split).size() < shown) {
                        earliest.get(split).add(location);
                    }
                    more = sorted.next();
                } while (more && sorted.get(0) == key);
                for (int i = 0; i < inGroup; i++) {
                    int earlier = present[i];
                    for (int j = 0; j < inGroup; j++) {
                        int later = present[j];
                        if (earlier != later) {
                            found.rows[earlier][later] += count[later];
                            LongArrayList candidates = earliest.get(later);
                            EarliestRows shownRows = found.shown[earlier][later];
                            for (int c = 0; c < candidates.size() && shownRows.wants(candidates.get(c)); c++) {
                                shownRows.offer(candidates.get(c), first[earlier]);
                            }
                        }
                    }
                }
                for (int i = 0; i < inGroup; i++) {
                    count[present[i]] = 0;
                    earliest.get(present[i]).clear();
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        keys.close();
    }

    /** What {@link #walk} found, by [earlier split][later split]. */
    static final class Found {
        final long[][] rows;
        final EarliestRows[][] shown;

        Found(int splits, int shown) {
            this.rows = new long[splits][splits];
            this.shown = new EarliestRows[splits][splits];
            for (int e = 0; e < splits; e++) {
                for (int l = 0; l < splits; l++) {
                    this.shown[e][l] = new EarliestRows(shown);
                }
            }
        }
    }
}
