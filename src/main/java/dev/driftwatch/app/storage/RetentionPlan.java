package dev.driftwatch.app.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What pruning removes from one dataset's finished runs. A run expires when it ended before {@code now - maxAge} or
 * is not among the newest {@code keepLast}. An expired run is removed with its results, profile and figures, except:
 * the dataset's newest run and its newest successful run are never expired (the dataset's page, and its metrics and
 * alert states after a restart, start from them); the newest
 * successful run of each snapshot stays as a row, since without it the schedule would read the snapshot again, and
 * loses only its results, and its profile and figures too unless {@code keepHistory} or its snapshot is a reference.
 *
 * @param runsDeleted     runs removed entirely
 * @param resultsDeleted  runs kept as a row whose rule results are removed
 * @param profilesDeleted runs kept as a row whose profile and profile figures are removed too
 */
public record RetentionPlan(Set<Long> runsDeleted, Set<Long> resultsDeleted, Set<Long> profilesDeleted) {

    public RetentionPlan {
        runsDeleted = Set.copyOf(runsDeleted);
        resultsDeleted = Set.copyOf(resultsDeleted);
        profilesDeleted = Set.copyOf(profilesDeleted);
    }

    /**
     * @param newestFirst a dataset's finished runs, newest (highest id) first
     * @param references  snapshots whose newest successful run's profile later runs compare with
     * @param maxAge      null for no age limit
     * @param keepLast    0 for no count limit
     */
    public static RetentionPlan of(List<FinishedRun> newestFirst, Set<Long> references, Instant now, Duration maxAge,
                                   int keepLast, boolean keepHistory) {
        Set<Long> deleted = new LinkedHashSet<>();
        Set<Long> results = new LinkedHashSet<>();
        Set<Long> profiles = new LinkedHashSet<>();
        Set<Long> evaluatedSnapshots = new HashSet<>();
        boolean successSeen = false;
        for (int i = 0; i < newestFirst.size(); i++) {
            FinishedRun run = newestFirst.get(i);
            boolean marksSnapshot = run.succeeded() && run.snapshotId() != null && evaluatedSnapshots.add(run.snapshotId());
            boolean newestSuccess = run.succeeded() && !successSeen;
            successSeen |= run.succeeded();
            boolean expired = i > 0 && !newestSuccess && (keepLast > 0 && i >= keepLast
                    || maxAge != null && run.finishedAt().isBefore(now.minus(maxAge)));
            if (!expired) {
                continue;
            }
            if (!marksSnapshot) {
                deleted.add(run.id());
                continue;
            }
            results.add(run.id());
            if (!keepHistory && !references.contains(run.snapshotId())) {
                profiles.add(run.id());
            }
        }
        return new RetentionPlan(deleted, results, profiles);
    }

    /** One finished run as pruning sees it; {@code snapshotId} is null for a run that found no snapshot. */
    public record FinishedRun(long id, Long snapshotId, boolean succeeded, Instant finishedAt) {
    }
}
