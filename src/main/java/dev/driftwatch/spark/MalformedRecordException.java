package dev.driftwatch.spark;

import dev.driftwatch.engine.snapshot.SnapshotException;
import java.util.Optional;

/**
 * A csv or tsv record whose fields are not the header's: Spark would pad or cut it and go on, the local engine counts
 * it as a bad row against {@code max_bad_row_share}. The Spark runner does neither, so it stops and names the record.
 * Thrown on an executor; the driver finds it in the failed job's causes ({@link #causeOf}).
 */
final class MalformedRecordException extends RuntimeException {
    MalformedRecordException(String file, long line, int fields) {
        super("expected every record of " + file + " to have the header's " + fields + " fields but found one that"
                + " does not at line " + line + "; the Spark runner does not count bad rows: fix the file, or run"
                + " driftwatch check, which counts them against max_bad_row_share");
    }

    /** The malformed record a Spark job failed on, as the snapshot error it is, if that is why the job failed. */
    static Optional<SnapshotException> causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedRecordException malformed) {
                return Optional.of(new SnapshotException(malformed.getMessage(), failure));
            }
        }
        return Optional.empty();
    }
}
