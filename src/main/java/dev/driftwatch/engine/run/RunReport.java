package dev.driftwatch.engine.run;

import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.snapshot.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One evaluation of one snapshot: its profile, the result of every rule, and what each part cost.
 *
 * @param snapshot  the snapshot as it was read: its provenance carries the SHA-256 of the bytes evaluated
 * @param reference the id of the snapshot it was compared with, or null
 * @param timings   what the run and each rule cost, or null when not measured (a run rebuilt from storage)
 */
public record RunReport(String dataset, Snapshot snapshot, String reference, Instant startedAt, Instant finishedAt,
                        SnapshotProfile profile, List<RuleResult> results, RunTimings timings) {
    public RunReport {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(profile, "profile");
        results = List.copyOf(results);
    }

    /** A run whose costs were not measured. */
    public RunReport(String dataset, Snapshot snapshot, String reference, Instant startedAt, Instant finishedAt,
                     SnapshotProfile profile, List<RuleResult> results) {
        this(dataset, snapshot, reference, startedAt, finishedAt, profile, results, null);
    }

    /** The worst status among the results; pass when there are none. */
    public Status status() {
        return results.stream().map(RuleResult::status).reduce(Status.PASS, Status::worst);
    }

    /** True when an error-severity rule did not pass: the CI gate stops. */
    public boolean blocksGate() {
        return results.stream().anyMatch(RuleResult::blocksGate);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
