package dev.driftwatch.engine.dataset;

import java.time.Duration;
import java.util.Objects;

/**
 * How the snapshots of a dataset sit in its source folder, when one counts as complete, and their order.
 *
 * @param kind        a folder per snapshot, or a file per snapshot
 * @param glob        for {@link Kind#FOLDER_PER_SNAPSHOT}, the data files inside a snapshot folder (relative
 *                    path, e.g. {@code datasets/projects.json}); for {@link Kind#FILE_PER_SNAPSHOT}, the
 *                    snapshot files in the source folder (e.g. {@code *.csv.gz})
 * @param settle      how long a snapshot's files (and folders) must stay unmodified before it counts as
 *                    complete; zero: at once. Not used when a ready marker is declared
 * @param readyMarker for {@link Kind#FOLDER_PER_SNAPSHOT} only: the file whose presence in a snapshot folder says
 *                    it is complete ({@code _SUCCESS}, as Spark and Hadoop write it), or null
 * @param order       the order of evaluation
 */
public record SnapshotLayout(Kind kind, String glob, Duration settle, String readyMarker, SnapshotOrder order) {
    /** The quiet period of rules files that declare none. */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(10);

    public enum Kind { FOLDER_PER_SNAPSHOT, FILE_PER_SNAPSHOT }

    public SnapshotLayout {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(glob, "glob");
        if (glob.isBlank()) {
            throw new IllegalArgumentException("expected a file pattern but found an empty one");
        }
        settle = settle == null ? Duration.ZERO : settle;
        if (settle.isNegative()) {
            throw new IllegalArgumentException("expected a settle time of zero or more but found " + settle);
        }
        if (readyMarker != null && (readyMarker.isBlank() || readyMarker.contains("/") || readyMarker.contains("\\"))) {
            throw new IllegalArgumentException("expected a file name as ready marker, such as _SUCCESS, but found '"
                    + readyMarker + "'");
        }
        if (readyMarker != null && kind != Kind.FOLDER_PER_SNAPSHOT) {
            throw new IllegalArgumentException("expected a ready marker only with a folder per snapshot but found "
                    + "it with a file per snapshot");
        }
        order = order == null ? SnapshotOrder.MODIFIED : order;
    }

    /** Snapshots that count as complete as soon as they are seen, in modification-time order. */
    public SnapshotLayout(Kind kind, String glob) {
        this(kind, glob, Duration.ZERO, null, SnapshotOrder.MODIFIED);
    }
}
