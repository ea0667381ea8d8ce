package dev.driftwatch.cli;

import dev.driftwatch.engine.dataset.SnapshotOrder;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.spec.RulesFile;
import java.time.Instant;
import java.util.Comparator;

/**
 * Which stored snapshots come before the checked one, in the order the dataset's runs compare snapshots: never the
 * checked snapshot itself (a re-check does not compare it with its own earlier profile); by name, names before it;
 * by modification time, earlier times (equal times: names before it).
 */
record EarlierSnapshots(SnapshotOrder order, String currentId, Instant currentTime) {
    /** The snapshots of {@code file}'s dataset that come before {@code current} in its order. */
    static EarlierSnapshots before(RulesFile file, Snapshot current) {
        return new EarlierSnapshots(file.dataset().layout().order(), current.id(), current.provenance().modifiedAt());
    }

    record Stamp(String id, Instant time) {
    }

    boolean before(String id, Instant time) {
        Comparator<Stamp> inOrder = order.comparator(Stamp::id, Stamp::time);
        return !id.equals(currentId) && inOrder.compare(new Stamp(id, time), new Stamp(currentId, currentTime)) < 0;
    }
}
