package dev.driftwatch.spark;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.snapshot.Snapshot;
import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;

/**
 * The order of evidence rows in a snapshot, as the local engine reads them: files in the snapshot's order, then
 * lines (or record numbers). Evidence from a file outside the snapshot, or from none, comes last. Serializable, to
 * merge row checks on the executors.
 */
final class SnapshotOrder implements Comparator<Evidence>, Serializable {
    private final HashMap<String, Integer> files = new HashMap<>();

    SnapshotOrder(Snapshot snapshot) {
        for (int i = 0; i < snapshot.files().size(); i++) {
            files.put(snapshot.files().get(i).relativePath(), i);
        }
    }

    @Override
    public int compare(Evidence a, Evidence b) {
        int byFile = Integer.compare(fileOf(a), fileOf(b));
        return byFile != 0 ? byFile : Long.compare(a.line(), b.line());
    }

    private int fileOf(Evidence evidence) {
        return evidence.source() == null ? Integer.MAX_VALUE : files.getOrDefault(evidence.source(), Integer.MAX_VALUE);
    }
}
