package dev.driftwatch.report.html;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the overview: a dataset and the state of its latest run.
 *
 * @param status         the latest run's outcome ({@code pass}, {@code warn}, {@code fail}, {@code error}), or null before any run
 * @param latestSnapshot the snapshot of the latest run, or null
 * @param latestRunId    the latest run's id, or null
 * @param finishedAt     when the latest run ended, or null
 * @param problem        what is wrong with the dataset's rules file, or null
 * @param failing        the latest run's results that did not pass (fail, error, warn), worst first
 */
public record DatasetState(String name, String status, boolean blocksGate, String latestSnapshot, Long latestRunId,
                           Instant finishedAt, int snapshots, String problem, List<FailingRule> failing) {
    public DatasetState {
        Objects.requireNonNull(name, "name");
        failing = List.copyOf(failing);
    }

    /** A state without the list of failing rules (before any run, or when it is not needed). */
    public DatasetState(String name, String status, boolean blocksGate, String latestSnapshot, Long latestRunId,
                        Instant finishedAt, int snapshots, String problem) {
        this(name, status, blocksGate, latestSnapshot, latestRunId, finishedAt, snapshots, problem, List.of());
    }

    /**
     * One result of the latest run that did not pass.
     *
     * @param status {@code fail}, {@code error} or {@code warn}
     * @param target the column (and split) it judged, or null for the whole snapshot
     */
    public record FailingRule(String rule, String status, String target) {
        public FailingRule {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(status, "status");
        }
    }
}
