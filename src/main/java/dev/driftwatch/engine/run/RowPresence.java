package dev.driftwatch.engine.run;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A snapshot with no rows (empty files, a csv with only its header row) is bad input, not something to judge:
 * every rule would measure nothing. One empty split among others is not: the rules that compare splits say what
 * they cannot compare, and writers such as Spark leave empty part files. Stateless.
 */
public final class RowPresence {
    /** Files described in a message; a snapshot of many empty parts is cut short. */
    private static final int LISTED_FILES = 5;

    private RowPresence() {
    }

    /** @throws SnapshotException "expected at least one row in snapshot X but found none (file a.csv has only a header)" */
    public static void require(DatasetDefinition dataset, Snapshot snapshot, SnapshotProfile profile) {
        if (profile.rows() == 0) {
            throw none("snapshot " + snapshot.id(), snapshot.files(), dataset, profile.reads().rowsRejected() > 0);
        }
    }

    /** The exception for a snapshot (or split) none of whose files holds a row. */
    static SnapshotException none(String where, List<SnapshotFile> files, DatasetDefinition dataset, boolean unreadable) {
        String described = files.stream().limit(LISTED_FILES)
                .map(file -> "file " + file.relativePath() + " " + state(file, dataset, unreadable))
                .collect(Collectors.joining("; "));
        String more = files.size() > LISTED_FILES ? "; and " + (files.size() - LISTED_FILES) + " more files" : "";
        return new SnapshotException("expected at least one row in " + where + " but found none (" + described + more + ")");
    }

    private static String state(SnapshotFile file, DatasetDefinition dataset, boolean unreadable) {
        if (file.bytes() == 0) {
            return "is empty";
        }
        if (unreadable) {
            return "has no readable row";
        }
        boolean headerRow = file.format().delimited() && dataset.readOptions().header() == null;
        return headerRow && !file.relativePath().endsWith(".gz") ? "has only a header" : "holds no rows";
    }
}
