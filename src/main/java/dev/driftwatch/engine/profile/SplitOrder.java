package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Row;
import java.util.List;

/**
 * The order in which a lane profiles a batch: the rows of the first split met, in file order, then those of the next
 * split met, and so on, so that one split's accumulators (its word counts, value counts, sketches) stay in the caches
 * for all its rows of the batch rather than taking turns with the other splits' row by row (3-4% less time for the
 * gate at 1M and 10M: BENCHMARKS.md, session 18). The order depends on the batch alone, so a profile still does not
 * depend on the number of threads. Beyond {@value #MAX_GROUPED} splits in one batch, the rows left are taken in file
 * order, so a batch costs at most that many scans. Worked out once per batch, for its lane and for the row consumers
 * that take rows split by split. Stateless.
 */
final class SplitOrder {
    static final int MAX_GROUPED = 8;

    private SplitOrder() {
    }

    /** The index of every row of the batch, once each, in this order. */
    static int[] of(List<Row> rows) {
        int n = rows.size();
        int[] order = new int[n];
        boolean[] placed = new boolean[n];
        int next = 0;
        int splits = 0;
        for (int first = 0; first < n; first++) {
            if (placed[first]) {
                continue;
            }
            String split = rows.get(first).split();
            boolean grouped = ++splits <= MAX_GROUPED;
            for (int i = first; i < n; i++) {
                if (!placed[i] && (!grouped || split.equals(rows.get(i).split()))) {
                    placed[i] = true;
                    order[next++] = i;
                }
            }
        }
        return order;
    }
}
