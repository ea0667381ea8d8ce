package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.snapshot.Snapshot;
import java.util.Objects;

/**
 * A snapshot after one read: the snapshot with the SHA-256 of each file and of its content as read
 * ({@link Snapshot#fingerprint()}), and the profile of the same bytes.
 */
public record ProfiledSnapshot(Snapshot snapshot, SnapshotProfile profile) {
    public ProfiledSnapshot {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(profile, "profile");
    }
}
