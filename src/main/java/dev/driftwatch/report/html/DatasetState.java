package dev.driftwatch.report.html;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the overview: a dataset and the state of its latest run.
 *
 * @param status         the latest run's outcome ({@code pass}, {@code warn}, {@code fail}, {@code error}), or null before any run
 * @param latestSnapshot the snapshot of the latest run, or null
 * @param latestRunId    the latest run's id, or null
 * @param finishedAt     when the latest run ended, or null
 * @param problem        what is wrong with the dataset's rules file, or null
 */
public record DatasetState(String name, String status, boolean blocksGate, String latestSnapshot, Long latestRunId,
                           Instant finishedAt, int snapshots, String problem) {
    public DatasetState {
        Objects.requireNonNull(name, "name");
    }
}
