package dev.driftwatch.engine.snapshot;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset's source folder as the service scans it: every snapshot, data file and file read beside them
 * must really be inside it. A symbolic link that leads out of it is refused, not followed.
 */
final class SourceFolder {
    private final String dataset;
    private final Path real;

    private SourceFolder(String dataset, Path real) {
        this.dataset = dataset;
        this.real = real;
    }

    static SourceFolder of(String dataset, Path source) {
        try {
            return new SourceFolder(dataset, source.toRealPath());
        } catch (IOException e) {
            throw new SnapshotException("could not resolve the source folder " + source + ": " + e.getMessage(), e);
        }
    }

    /** @throws SnapshotException when the path, once links are resolved, is outside the source folder */
    void requireInside(Path path) {
        Path target;
        try {
            target = path.toRealPath();
        } catch (IOException e) {
            throw new SnapshotException("could not resolve " + path + ": " + e.getMessage(), e);
        }
        if (!target.startsWith(real)) {
            throw new SnapshotException("expected the files of dataset " + dataset + " inside its source folder " + real
                    + " but found a symbolic link to " + target + ": " + path
                    + " (links that lead out of the source folder are not followed)");
        }
    }
}
