package dev.driftwatch.cli;

import dev.driftwatch.engine.dataset.SnapshotOrder;
import java.time.Instant;
import java.util.Comparator;

/**
 * Which stored snapshots come before the checked one, in the order the dataset's runs compare snapshots: never the
 * checked snapshot itself (a re-check does not compare it with its own earlier profile); by name, names before it;
 * by modification time, earlier times (equal times: names before it).
 */
record EarlierSnapshots(SnapshotOrder order, String currentId, Instant currentTime) {
    record Stamp(String id, Instant time) {
    }

    boolean before(String id, Instant time) {
        Comparator<Stamp> inOrder = order.comparator(Stamp::id, Stamp::time);
        return !id.equals(currentId) && inOrder.compare(new Stamp(id, time), new Stamp(currentId, currentTime)) < 0;
    }
}
