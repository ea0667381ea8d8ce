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
 * A stored version of a snapshot with its provenance; unique by dataset and version key.
 *
 * @param name        the folder or file name of the snapshot
 * @param fingerprint the hex SHA-256 of its content as the latest successful run read it; null before
 * @param versionKey  the snapshot's version ({@link Snapshot#version()}); null on rows stored before versions
 * @param bytes    total size of its data files
 * @param producer the producer's metadata as a JSON object (text; {@code {}} when none)
 */
@MappedEntity("snapshots")
public record SnapshotRow(@Id @GeneratedValue @Nullable Long id, Long datasetId, String name,
                          @Nullable String fingerprint, String path, long bytes, @Nullable Instant modifiedAt,
                          Instant discoveredAt, String producer, @Nullable String versionKey) {

    /** This row with the SHA-256 a run read. */
    public SnapshotRow withFingerprint(String sha256) {
        return new SnapshotRow(id, datasetId, name, sha256, path, bytes, modifiedAt, discoveredAt, producer, versionKey);
    }

    /** This row, stored before versions, as the given version. */
    public SnapshotRow withVersionKey(String version) {
        return new SnapshotRow(id, datasetId, name, fingerprint, path, bytes, modifiedAt, discoveredAt, producer, version);
    }

    /** The engine's snapshot again, with its provenance (data files are not stored, so none are listed). */
    public Snapshot toSnapshot(String dataset) {
        return new Snapshot(dataset, name, versionKey == null ? "" : versionKey, List.of(), new Provenance(path, bytes,
                fingerprint, modifiedAt, discoveredAt, StoredJson.readStrings(producer)));
    }
}
