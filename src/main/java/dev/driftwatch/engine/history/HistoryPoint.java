package dev.driftwatch.engine.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One earlier value of a figure.
 *
 * @param snapshotId the snapshot it was measured on
 * @param time       the snapshot's time (its files' newest modification, as runs order snapshots)
 * @param value      the figure, finite
 */
public record HistoryPoint(String snapshotId, Instant time, double value) {
    public HistoryPoint {
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(time, "time");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value: expected a finite number but found " + value);
        }
    }
}
