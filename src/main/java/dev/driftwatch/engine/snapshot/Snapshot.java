package dev.driftwatch.engine.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * One version of a dataset, identified by its content: the same bytes are the same snapshot,
 * whatever the folder is called.
 *
 * @param dataset    the dataset's name
 * @param id         the folder or file name of the snapshot (ordering key: snapshots sort by id)
 * @param files      its data files, sorted by relative path
 * @param provenance where it came from; {@code provenance.sha256()} is the fingerprint
 */
public record Snapshot(String dataset, String id, List<SnapshotFile> files, Provenance provenance) {
    public Snapshot {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(id, "id");
        files = List.copyOf(files);
        Objects.requireNonNull(provenance, "provenance");
    }

    public String fingerprint() {
        return provenance.sha256();
    }
}
