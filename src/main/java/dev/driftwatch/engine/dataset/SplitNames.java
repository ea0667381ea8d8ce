package dev.driftwatch.engine.dataset;

import dev.driftwatch.engine.data.Row;
import java.util.HashMap;
import java.util.Map;

/**
 * The split a row names in its split column ({@code splits: {by: column}}): the value stripped, {@value #NONE} when
 * it is absent or blank. Each split is handed out as one String instance, so that the per-split maps of every row
 * check hash it once and compare it by identity rather than character by character (the reader makes a new String
 * per row). Keeps at most {@value #MAX_KEPT} names; a split beyond them is a String of its own, still equal.
 * Not thread-safe: one per read.
 */
public final class SplitNames {
    /** The split of a row whose split column is absent or blank. */
    public static final String NONE = "(none)";
    static final int MAX_KEPT = 4096;
    private final Map<String, String> kept = new HashMap<>();

    /** The row placed in the split its split column names; the row itself when the dataset has no split column. */
    public Row place(Row row, String splitColumn) {
        return splitColumn == null ? row : row.withSplit(of(row.text(splitColumn)));
    }

    /** The split named by a split column's value (null when the row has none). */
    public String of(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String named = value.strip();
        String same = kept.get(named);
        if (same != null) {
            return same;
        }
        if (kept.size() < MAX_KEPT) {
            kept.put(named, named);
        }
        return named;
    }
}
