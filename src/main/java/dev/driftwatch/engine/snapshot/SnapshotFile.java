package dev.driftwatch.engine.snapshot;

import dev.driftwatch.engine.read.Format;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One data file of a snapshot.
 *
 * @param path         where it is
 * @param relativePath its path inside the snapshot (the file name for a file-per-snapshot layout)
 * @param split        the split its rows belong to, unless the dataset splits by column
 * @param format       how to read it
 * @param bytes        its size on disk
 */
public record SnapshotFile(Path path, String relativePath, String split, Format format, long bytes) {
    public SnapshotFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(format, "format");
    }
}
