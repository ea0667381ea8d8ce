package dev.driftwatch.app.metrics;

import dev.driftwatch.app.events.RunFinished;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.DatasetRow;
import dev.driftwatch.app.storage.RuleResultRepository;
import dev.driftwatch.app.storage.RuleResultRow;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.RunStatus;
import dev.driftwatch.app.storage.RunStore;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.snapshot.Snapshot;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StoredRuns} over the run storage: for each stored dataset its latest successful run (report
 * rebuilt from the stored snapshot, profile and rule results) and its latest run
 * when that one failed later. A run whose profile its codec cannot read back (written by another codec)
 * is left out, and its dataset's metrics return with its next run. Thread-safe.
 */
@Singleton
final class StoredRunHistory implements StoredRuns {
    private static final Logger LOG = LoggerFactory.getLogger(StoredRunHistory.class);
    private final DatasetRepository datasets;
    private final SnapshotRepository snapshots;
    private final RuleResultRepository results;
    private final RunStore store;
    private final RunRepository runs;

    StoredRunHistory(DatasetRepository datasets, SnapshotRepository snapshots, RuleResultRepository results,
                     RunStore store, RunRepository runs) {
        this.runs = runs;
        this.datasets = datasets;
        this.snapshots = snapshots;
        this.results = results;
        this.store = store;
    }

    @Override
    public List<RunFinished> latestRuns() {
        List<RunFinished> runs = new ArrayList<>();
        for (DatasetRow dataset : datasets.findAll()) {
            Optional<Success> success = latestSuccess(dataset);
            success.flatMap(found -> finished(dataset, found)).ifPresent(runs::add);
            store.latestRun(dataset)
                    .filter(run -> !run.succeeded())
                    .filter(run -> success.map(found -> run.id() > found.run().id()).orElse(true))
                    .ifPresent(run -> runs.add(new RunFinished(dataset.name(), run.id(), null, null,
                            run.error() == null ? "failed" : run.error(), run.finishedAt())));
        }
        return runs;
    }

    @Override
    public Map<String, Map<String, Long>> runsByOutcome() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (DatasetRow dataset : datasets.findAll()) {
            Map<String, Long> byOutcome = new LinkedHashMap<>();
            for (RunStatus status : List.of(RunStatus.SUCCEEDED, RunStatus.FAILED)) {
                byOutcome.put(status.id(), runs.countByDatasetIdAndStatus(dataset.id(), status.id()));
            }
            counts.put(dataset.name(), byOutcome);
        }
        return counts;
    }

    private Optional<Success> latestSuccess(DatasetRow dataset) {
        return snapshots.findByDatasetIdOrderByName(dataset.id()).stream()
                .flatMap(snapshot -> store.successfulRun(snapshot).map(run -> new Success(snapshot, run)).stream())
                .max(Comparator.comparing(success -> success.run().id()));
    }

    private Optional<RunFinished> finished(DatasetRow dataset, Success success) {
        SnapshotRow row = success.snapshot();
        RunRow run = success.run();
        Optional<SnapshotProfile> profile = store.profile(run);
        if (profile.isEmpty()) {
            LOG.warn("{}: the profile of run {} cannot be read back; its metrics return with the next run",
                    dataset.name(), run.id());
            return Optional.empty();
        }
        Snapshot snapshot = row.toSnapshot(dataset.name());
        List<RuleResult> rules = results.findByRunIdOrderByPositionAsc(run.id()).stream()
                .map(RuleResultRow::toResult)
                .toList();
        var report = new RunReport(dataset.name(), snapshot, null, run.startedAt(), run.finishedAt(), profile.get(),
                rules);
        return Optional.of(new RunFinished(dataset.name(), run.id(), row.name(), report, null, run.finishedAt()));
    }

    private record Success(SnapshotRow snapshot, RunRow run) {
    }
}
