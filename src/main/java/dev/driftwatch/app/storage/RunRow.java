package dev.driftwatch.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A stored run: one evaluation of one snapshot, or a failed attempt.
 *
 * @param snapshotId          null when the run failed before a snapshot was found (e.g. missing folder)
 * @param referenceSnapshotId the snapshot it was compared with, or null
 * @param triggerKind         {@code schedule}, {@code request}, {@code spark} or {@code cli} ({@link RunTrigger})
 * @param status              {@code running}, {@code succeeded} or {@code failed} ({@link RunStatus})
 * @param outcome             the worst rule status ({@code pass}, {@code warn}, {@code fail}, {@code error}); null unless succeeded
 * @param error               why the run failed, or null
 * @param startedBy           the caller whose token started the run through the API, or null (the schedule)
 * @param timings             what a succeeded run cost, as JSON ({@link dev.driftwatch.engine.run.RunTimings}), or null
 */
@MappedEntity("runs")
public record RunRow(@Id @GeneratedValue @Nullable Long id, Long datasetId, @Nullable Long snapshotId,
                     @Nullable Long referenceSnapshotId, String triggerKind, String status, @Nullable String outcome,
                     boolean blocksGate, Instant startedAt, @Nullable Instant finishedAt, @Nullable String error,
                     @Nullable String startedBy, @Nullable String timings) {

    public RunRow finished(String newStatus, @Nullable String newOutcome, boolean blocks, Instant at,
                           @Nullable String failure) {
        return new RunRow(id, datasetId, snapshotId, referenceSnapshotId, triggerKind, newStatus, newOutcome, blocks,
                startedAt, at, failure, startedBy, timings);
    }

    public RunRow withTimings(@Nullable String json) {
        return new RunRow(id, datasetId, snapshotId, referenceSnapshotId, triggerKind, status, outcome, blocksGate,
                startedAt, finishedAt, error, startedBy, json);
    }

    public boolean succeeded() {
        return RunStatus.SUCCEEDED.id().equals(status);
    }
}
