package dev.driftwatch.engine.snapshot;

import java.util.List;

/**
 * What a look at a dataset's source folder found.
 *
 * @param snapshots  the complete snapshots, in the dataset's order (the first is the oldest)
 * @param incomplete the snapshots not complete yet, each as "id: why", to be looked at again later
 * @param unreadable the candidates that could not be looked at (permission denied, an I/O error), each as the
 *                   reason; they are left out, and the others are still found
 */
public record SourceScan(List<Snapshot> snapshots, List<String> incomplete, List<String> unreadable) {
    public SourceScan {
        snapshots = List.copyOf(snapshots);
        incomplete = List.copyOf(incomplete);
        unreadable = List.copyOf(unreadable);
    }

    /** A scan in which every candidate could be looked at. */
    public SourceScan(List<Snapshot> snapshots, List<String> incomplete) {
        this(snapshots, incomplete, List.of());
    }
}
