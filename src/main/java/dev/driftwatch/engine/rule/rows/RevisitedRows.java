package dev.driftwatch.engine.rule.rows;

import com.carrotsearch.hppc.LongArrayList;
import dev.driftwatch.engine.data.Row;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The few rows a row check names in evidence, by their number in the pass: which it wants read again, and those read
 * again (see {@code RowCheck#rowsToRevisit}). A row not read again (the second read failed, or the check is judged
 * without one) is absent. Not thread-safe.
 */
final class RevisitedRows {
    private final LongArrayList wanted = new LongArrayList();
    private final Map<Long, Row> rows = new HashMap<>();

    void want(long number) {
        wanted.add(number);
    }

    /** The numbers wanted, ascending, each once. */
    long[] wanted() {
        long[] numbers = wanted.toArray();
        Arrays.sort(numbers);
        return Arrays.stream(numbers).distinct().toArray();
    }

    void put(long number, Row row) {
        rows.put(number, row);
    }

    /** The row read again, or null. */
    Row get(long number) {
        return rows.get(number);
    }
}
