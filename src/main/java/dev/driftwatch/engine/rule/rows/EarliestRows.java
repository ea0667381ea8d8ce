package dev.driftwatch.engine.rule.rows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code limit} records with the smallest first long among those offered, for evidence found in sorted order
 * rather than file order: a record is a row's number or location first, then what evidence needs of it. At most
 * {@code limit} records are kept (a heap with the largest on top). Not thread-safe.
 */
final class EarliestRows {
    private final int limit;
    private final PriorityQueue<long[]> kept = new PriorityQueue<>(Comparator.comparingLong((long[] r) -> r[0]).reversed());

    EarliestRows(int limit) {
        this.limit = Math.max(0, limit);
    }

    /** Whether a record whose first long is {@code first} would be kept now. */
    boolean wants(long first) {
        return kept.size() < limit || (limit > 0 && first < kept.peek()[0]);
    }

    void offer(long... record) {
        if (!wants(record[0])) {
            return;
        }
        kept.add(record);
        if (kept.size() > limit) {
            kept.poll();
        }
    }

    /** The records kept, smallest first. */
    List<long[]> ascending() {
        List<long[]> records = new ArrayList<>(kept);
        records.sort(Comparator.comparingLong(r -> r[0]));
        return records;
    }
}
