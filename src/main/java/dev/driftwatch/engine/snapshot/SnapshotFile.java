package dev.driftwatch.engine.snapshot;

import dev.driftwatch.engine.read.FileRowReader;
import dev.driftwatch.engine.read.Format;
import dev.driftwatch.engine.read.ReadOptions;
import dev.driftwatch.engine.read.RowReader;
import dev.driftwatch.engine.read.RowSink;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * One data file of a snapshot.
 *
 * @param path         where it is
 * @param relativePath its path inside the snapshot (the file name for a file-per-snapshot layout)
 * @param split        the split its rows belong to, unless the dataset splits by column
 * @param format       how to read it
 * @param bytes        its size on disk when the snapshot was found
 * @param modifiedAt   its modification time when the snapshot was found, or null when not known (then the
 *                     read compares with the size and time it finds when it starts)
 * @param sha256       hex SHA-256 of the bytes a read found in it, or null before it was read
 */
public record SnapshotFile(Path path, String relativePath, String split, Format format, long bytes, Instant modifiedAt,
                           String sha256) {
    public SnapshotFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(format, "format");
        if (bytes < 0) {
            throw new IllegalArgumentException("expected a size of 0 bytes or more but found " + bytes);
        }
    }

    /** A file whose modification time is not known and which was not read yet. */
    public SnapshotFile(Path path, String relativePath, String split, Format format, long bytes) {
        this(path, relativePath, split, format, bytes, null, null);
    }

    /** This file as a read found it. */
    public SnapshotFile read(String sha256) {
        return new SnapshotFile(path, relativePath, split, format, bytes, modifiedAt, Objects.requireNonNull(sha256));
    }

    /** The bytes a parser reads from the file's raw bytes: buffered, and decompressed when the file is gzip. */
    public InputStream decoded(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        return compressed() ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Whether the file is gzip, whose bytes a parser reads decompressed. */
    public boolean compressed() {
        return relativePath.endsWith(".gz");
    }

    /**
     * Reads this file's rows: from the raw bytes of one read of it, decoded, or, for a format read by seeking
     * (Parquet), from the file itself, leaving the raw bytes to the caller (a {@link CheckedFileRead} hashes them
     * when it finishes).
     */
    public void readRows(RowReader reader, InputStream raw, RowSink sink) throws IOException {
        if (reader instanceof FileRowReader seeking) {
            seeking.read(path, relativePath, split, sink);
            return;
        }
        try (InputStream in = decoded(raw)) {
            reader.read(in, relativePath, split, sink);
        }
    }

    /**
     * The reader of this file's format with the dataset's options.
     *
     * @throws SnapshotException when the format cannot honour them (a JSON file in a dataset that declares a header)
     */
    public RowReader reader(ReadOptions options) {
        try {
            return format.reader(options);
        } catch (IllegalArgumentException e) {
            throw new SnapshotException("cannot read " + path + " as the rules file says: " + e.getMessage(), e);
        }
    }
}
