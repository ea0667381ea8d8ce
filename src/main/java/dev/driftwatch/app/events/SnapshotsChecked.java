package dev.driftwatch.app.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Published (Micronaut application event) each time the service has looked for new snapshots of a dataset,
 * whether it found any or not, so that "data stopped arriving" can be told from "the service stopped looking".
 *
 * @param dataset        the dataset's name
 * @param checkedAt      when the source was scanned
 * @param newestSnapshot newest file modification time of the newest complete snapshot, or null when there is none
 * @param maxSnapshotAge the rules file's {@code schedule.max_snapshot_age}, or null when not declared
 */
public record SnapshotsChecked(String dataset, Instant checkedAt, Instant newestSnapshot, Duration maxSnapshotAge) {
    public SnapshotsChecked {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
