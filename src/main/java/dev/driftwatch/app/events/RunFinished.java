package dev.driftwatch.app.events;

import dev.driftwatch.engine.run.RunReport;
import java.time.Instant;
import java.util.Objects;

/**
 * Published (Micronaut application event) after a run of a dataset is stored, whether it succeeded or not.
 *
 * @param dataset    the dataset's name
 * @param runId      the stored run's id
 * @param snapshotId the snapshot's id (folder or file name), or null when discovery itself failed
 * @param report     the run's report, or null when the run failed before rules could be evaluated
 * @param failure    why the run failed, or null when it succeeded
 * @param finishedAt when the run ended
 */
public record RunFinished(String dataset, long runId, String snapshotId, RunReport report, String failure,
                          Instant finishedAt) {
    public RunFinished {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if ((report == null) == (failure == null)) {
            throw new IllegalArgumentException("expected either a report or a failure but found "
                    + (report == null ? "neither" : "both"));
        }
    }

    public boolean succeeded() {
        return report != null;
    }
}
