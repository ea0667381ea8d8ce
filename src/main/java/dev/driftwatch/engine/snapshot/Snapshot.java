package dev.driftwatch.engine.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * One version of a dataset. Found without reading content: its {@link SnapshotVersion version} comes from
 * its name and its files' relative paths, sizes and modification times, so a changed file makes a new
 * version. The SHA-256 of its content is known once it has been read ({@link #fingerprint()}).
 *
 * @param dataset    the dataset's name
 * @param id         the folder or file name of the snapshot
 * @param version    hex key of this version of the snapshot ({@link SnapshotVersion})
 * @param files      its data files, sorted by relative path
 * @param provenance where it came from
 */
public record Snapshot(String dataset, String id, String version, List<SnapshotFile> files, Provenance provenance) {
    public Snapshot {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        files = List.copyOf(files);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A snapshot whose version is told by its name and files alone. */
    public Snapshot(String dataset, String id, List<SnapshotFile> files, Provenance provenance) {
        this(dataset, id, SnapshotVersion.of(id, files, List.of()), files, provenance);
    }

    /** The hex SHA-256 of the content that was read ({@link ContentFingerprint}), or null before it was read. */
    public String fingerprint() {
        return provenance.sha256();
    }

    /** This snapshot as a read found it: each file with its SHA-256, and the snapshot's content fingerprint. */
    public Snapshot read(List<SnapshotFile> readFiles, String contentSha256) {
        return new Snapshot(dataset, id, version, readFiles, provenance.read(contentSha256));
    }
}
