package dev.driftwatch.engine.run;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A snapshot with no rows (empty files, a csv with only its header row) is bad input, not something to judge:
 * every rule would measure nothing. The same holds for a split read from files of its own. Stateless.
 */
final class RowPresence {
    /** Files described in a message; a snapshot of many empty parts is cut short. */
    private static final int LISTED_FILES = 5;

    private RowPresence() {
    }

    /** @throws SnapshotException "expected at least one row in snapshot X but found none (file a.csv has only a header)" */
    static void require(DatasetDefinition dataset, Snapshot snapshot, SnapshotProfile profile) {
        boolean unreadable = profile.reads().rowsRejected() > 0;
        if (profile.rows() == 0) {
            throw none("snapshot " + snapshot.id(), snapshot.files(), dataset, unreadable);
        }
        if (dataset.splits().kind() != SplitPolicy.Kind.FILE) {
            return;
        }
        Map<String, List<SnapshotFile>> bySplit = snapshot.files().stream()
                .collect(Collectors.groupingBy(SnapshotFile::split, LinkedHashMap::new, Collectors.toList()));
        bySplit.forEach((split, files) -> {
            if (profile.split(split).map(SplitProfile::rows).orElse(0L) == 0) {
                throw none("split " + split + " of snapshot " + snapshot.id(), files, dataset, unreadable);
            }
        });
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
