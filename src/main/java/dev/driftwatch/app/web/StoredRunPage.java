package dev.driftwatch.app.web;

import dev.driftwatch.app.storage.StoredJson;
import dev.driftwatch.engine.run.RunTimings;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.DatasetRow;
import dev.driftwatch.app.storage.RuleResultRepository;
import dev.driftwatch.app.storage.RuleResultRow;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.report.html.RunPageData;
import java.util.List;

/** Rebuilds what a run's report shows from its stored rows, its cost included. Read-only; thread-safe. */
final class StoredRunPage {
    private final DatasetRepository datasets;
    private final SnapshotRepository snapshots;
    private final RuleResultRepository results;

    StoredRunPage(DatasetRepository datasets, SnapshotRepository snapshots, RuleResultRepository results) {
        this.datasets = datasets;
        this.snapshots = snapshots;
        this.results = results;
    }

    /** @param profile the run's profile, or null when it cannot be read */
    RunPageData data(RunRow run, SnapshotProfile profile) {
        String dataset = datasets.findById(run.datasetId()).map(DatasetRow::name).orElse("?");
        SnapshotRow row = snapshots.findById(run.snapshotId()).orElseThrow();
        Snapshot snapshot = row.toSnapshot(dataset);
        String reference = run.referenceSnapshotId() == null ? null
                : snapshots.findById(run.referenceSnapshotId()).map(SnapshotRow::name).orElse(null);
        List<RuleResult> list = results.findByRunIdOrderByPositionAsc(run.id()).stream().map(RuleResultRow::toResult).toList();
        RunTimings timings = run.timings() == null ? null : StoredJson.read(run.timings(), RunTimings.class);
        return new RunPageData(dataset, snapshot, reference, run.startedAt(), run.finishedAt(), profile, list, timings);
    }
}
