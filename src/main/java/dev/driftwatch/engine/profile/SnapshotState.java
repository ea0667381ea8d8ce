package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Row;
import java.util.Map;
import java.util.TreeMap;

/** The accumulators of one lane of a profiling pass: a split accumulator per split. Not thread-safe. */
final class SnapshotState {
    private final ProfileRequest request;
    private final Map<String, SplitAccumulator> splits = new TreeMap<>();
    private final Map<String, SplitAccumulator> bySplit = new java.util.HashMap<>();

    private final String splitColumn;
    private final WordIds wordIds = new WordIds();

    private final ExactValuesBudget budget;

    /** @param splitColumn the column that names each row's split (left out of fingerprints), or null */
    SnapshotState(ProfileRequest request, String splitColumn) {
        this(request, splitColumn, null);
    }

    /** @param budget the exact values held by every lane of the pass, or null for a state on its own */
    SnapshotState(ProfileRequest request, String splitColumn, ExactValuesBudget budget) {
        this.request = request;
        this.splitColumn = splitColumn;
        this.budget = budget;
    }

    /**
     * Adds a row; returns its {@link RowFingerprint}. Keeps its values' hashes in it when asked
     * ({@link SplitAccumulator#accept(Row, boolean)}).
     */
    long accept(Row row, boolean keepHashes) {
        SplitAccumulator split = bySplit.get(row.split());
        if (split == null) {
            split = splits.computeIfAbsent(row.split(), name -> new SplitAccumulator(name, request, splitColumn, wordIds, budget));
            bySplit.put(row.split(), split);
        }
        return split.accept(row, keepHashes);
    }

    /**
     * Does now, on the lane's own thread, the work that merging and summarising would otherwise do on one thread
     * after the pass: sorts the exact values, so that merging lanes keeps them sorted.
     */
    void settle() {
        for (SplitAccumulator split : splits.values()) {
            for (ColumnAccumulator column : split.columns().values()) {
                ExactValues exact = column.numbers().exactValues();
                if (exact != null) {
                    exact.sort();
                }
            }
        }
    }

    void merge(SnapshotState other) {
        other.splits.forEach((name, split) -> {
            SplitAccumulator mine = splits.get(name);
            if (mine == null) {
                mine = new SplitAccumulator(name, request, splitColumn, wordIds);
                splits.put(name, mine);
            }
            mine.merge(split);
        });
    }

    Map<String, SplitAccumulator> splits() {
        return splits;
    }

    ProfileRequest request() {
        return request;
    }
}
