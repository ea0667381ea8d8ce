package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Row;
import java.util.Map;
import java.util.TreeMap;

/** The accumulators of one lane of a profiling pass: a split accumulator per split. Not thread-safe. */
final class SnapshotState {
    private final ProfileRequest request;
    private final Map<String, SplitAccumulator> splits = new TreeMap<>();
    private final Map<String, SplitAccumulator> bySplit = new java.util.HashMap<>();

    SnapshotState(ProfileRequest request) {
        this.request = request;
    }

    void accept(Row row) {
        SplitAccumulator split = bySplit.get(row.split());
        if (split == null) {
            split = splits.computeIfAbsent(row.split(), name -> new SplitAccumulator(name, request));
            bySplit.put(row.split(), split);
        }
        split.accept(row);
    }

    void merge(SnapshotState other) {
        other.splits.forEach((name, split) -> {
            SplitAccumulator mine = splits.get(name);
            if (mine == null) {
                mine = new SplitAccumulator(name, request);
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
