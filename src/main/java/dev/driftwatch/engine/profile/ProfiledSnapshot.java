package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.snapshot.Snapshot;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot after one read: the snapshot with the SHA-256 of each file and of its content as read
 * ({@link Snapshot#fingerprint()}), the profile of the same bytes, and what the read's other threads cost.
 *
 * @param profiling what the profiling worker threads cost (their CPU time; wall time busy, summed over the
 *                  workers): the reading thread's own cost is its caller's to meter
 * @param consumers what each row consumer cost on the thread it shared, in the order the consumers were given
 */
public record ProfiledSnapshot(Snapshot snapshot, SnapshotProfile profile, Cost profiling, List<Cost> consumers) {
    public ProfiledSnapshot {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(profiling, "profiling");
        consumers = List.copyOf(consumers);
    }
}
