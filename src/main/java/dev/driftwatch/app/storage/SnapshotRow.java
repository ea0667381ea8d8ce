package dev.driftwatch.app.storage;

import dev.driftwatch.engine.snapshot.Provenance;
import dev.driftwatch.engine.snapshot.Snapshot;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.List;

/**
 * A stored snapshot with its provenance; unique by dataset and content fingerprint.
 *
 * @param name     the folder or file name of the snapshot
 * @param bytes    total size of its data files
 * @param producer the producer's metadata as a JSON object (text; {@code {}} when none)
 */
@MappedEntity("snapshots")
public record SnapshotRow(@Id @GeneratedValue @Nullable Long id, Long datasetId, String name, String fingerprint,
                          String path, long bytes, @Nullable Instant modifiedAt, Instant discoveredAt,
                          String producer) {

    /** The engine's snapshot again, with its provenance (data files are not stored, so none are listed). */
    public Snapshot toSnapshot(String dataset) {
        return new Snapshot(dataset, name, List.of(), new Provenance(path, bytes, fingerprint, modifiedAt, discoveredAt,
                StoredJson.readStrings(producer)));
    }
}
