package dev.driftwatch.engine.dataset;

import java.util.Objects;

/**
 * How the snapshots of a dataset sit in its source folder.
 *
 * @param kind a folder per snapshot, or a file per snapshot
 * @param glob for {@link Kind#FOLDER_PER_SNAPSHOT}, the data files inside a snapshot folder (relative
 *             path, e.g. {@code datasets/projects.json}); for {@link Kind#FILE_PER_SNAPSHOT}, the
 *             snapshot files in the source folder (e.g. {@code *.csv.gz})
 */
public record SnapshotLayout(Kind kind, String glob) {
    public enum Kind { FOLDER_PER_SNAPSHOT, FILE_PER_SNAPSHOT }

    public SnapshotLayout {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(glob, "glob");
        if (glob.isBlank()) {
            throw new IllegalArgumentException("expected a file pattern but found an empty one");
        }
    }
}
