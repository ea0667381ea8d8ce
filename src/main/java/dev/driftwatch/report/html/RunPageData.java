package dev.driftwatch.report.html;

import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.RunTimings;
import dev.driftwatch.engine.snapshot.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a run's report shows: a {@link RunReport}, or a run rebuilt from storage, whose profile may be
 * unreadable (then the page shows the results without the profile's charts).
 *
 * @param reference the id of the snapshot it was compared with, or null
 * @param profile   the snapshot's profile, or null when it is not available
 * @param timings   what the run and each rule cost, or null when not known (a run rebuilt from storage)
 */
public record RunPageData(String dataset, Snapshot snapshot, String reference, Instant startedAt, Instant finishedAt,
                          SnapshotProfile profile, List<RuleResult> results, RunTimings timings) {
    public RunPageData {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        results = List.copyOf(results);
    }

    /** A run rebuilt from storage, whose costs are not known. */
    public RunPageData(String dataset, Snapshot snapshot, String reference, Instant startedAt, Instant finishedAt,
                       SnapshotProfile profile, List<RuleResult> results) {
        this(dataset, snapshot, reference, startedAt, finishedAt, profile, results, null);
    }

    public static RunPageData of(RunReport run) {
        return new RunPageData(run.dataset(), run.snapshot(), run.reference(), run.startedAt(), run.finishedAt(),
                run.profile(), run.results(), run.timings());
    }

    /** The worst status among the results; pass when there are none. */
    public Status status() {
        return results.stream().map(RuleResult::status).reduce(Status.PASS, Status::worst);
    }

    public long blocking() {
        return results.stream().filter(RuleResult::blocksGate).count();
    }
}
