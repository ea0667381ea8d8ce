package dev.driftwatch.engine.snapshot;

import java.util.List;

/**
 * What a look at a dataset's source folder found.
 *
 * @param snapshots  the complete snapshots, in the dataset's order (the first is the oldest)
 * @param incomplete the snapshots not complete yet, each as "id: why", to be looked at again later
 */
public record SourceScan(List<Snapshot> snapshots, List<String> incomplete) {
    public SourceScan {
        snapshots = List.copyOf(snapshots);
        incomplete = List.copyOf(incomplete);
    }
}
