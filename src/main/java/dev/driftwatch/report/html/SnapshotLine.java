package dev.driftwatch.report.html;

import java.time.Instant;
import java.util.Objects;

/** One stored snapshot, as the dataset page lists it, with its provenance. */
public record SnapshotLine(String name, String fingerprint, String path, long bytes, Instant discoveredAt) {
    public SnapshotLine {
        Objects.requireNonNull(name, "name");
    }
}
