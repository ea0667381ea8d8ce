package dev.driftwatch.engine.snapshot;

/** A snapshot, or the folder of snapshots, that is missing or cannot be read. */
public final class SnapshotException extends RuntimeException {
    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
