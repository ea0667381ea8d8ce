package dev.driftwatch.app.api;

import dev.driftwatch.app.catalog.CatalogEntry;
import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.config.DriftwatchConfiguration;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.DatasetRow;
import dev.driftwatch.app.storage.RuleResultRepository;
import dev.driftwatch.app.storage.RuleResultRow;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.app.storage.StoredJson;
import dev.driftwatch.engine.rule.Rule;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds the API's answers from the catalog and the stored rows. Read-only; thread-safe. */
@Singleton
class ApiViews {
    private final DatasetRepository datasets;
    private final SnapshotRepository snapshots;
    private final RunRepository runs;
    private final RuleResultRepository results;
    private final Duration defaultInterval;

    ApiViews(DatasetRepository datasets, SnapshotRepository snapshots, RunRepository runs,
             RuleResultRepository results, DriftwatchConfiguration configuration) {
        this.defaultInterval = configuration.interval();
        this.datasets = datasets;
        this.snapshots = snapshots;
        this.runs = runs;
        this.results = results;
    }

    DatasetView dataset(CatalogEntry entry) {
        Optional<DatasetRow> row = datasets.findByName(entry.name());
        RunSummaryView latest = row.flatMap(this::latestRun).map(this::summary).orElse(null);
        return entry.loaded().map(file -> {
            var d = file.dataset();
            Duration interval = d.interval() == null ? defaultInterval : d.interval();
            String reference = d.reference().kind().name().toLowerCase(java.util.Locale.ROOT);
            return new DatasetView(entry.name(), entry.file().toString(), d.source().toString(), interval.toString(),
                    reference,
                    file.rules().stream().map(Rule::name).toList(), null, latest);
        }).orElseGet(() -> new DatasetView(entry.name(), entry.file().toString(), null, null, null, List.of(),
                entry.error(), latest));
    }

    Optional<RunRow> latestRun(DatasetRow dataset) {
        return runs.findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(dataset.id());
    }

    Optional<DatasetRow> storedDataset(String name) {
        return datasets.findByName(name);
    }

    /** The dataset's snapshots in the order its runs compare them, oldest first. */
    List<SnapshotView> snapshots(DatasetRow dataset, DatasetCatalog catalog) {
        return catalog.inOrder(dataset.name(), snapshots.findByDatasetIdOrderByName(dataset.id())).stream().map(s -> {
            List<RunRow> ran = runs.findBySnapshotIdOrderByIdAsc(s.id());
            RunSummaryView latest = ran.isEmpty() ? null : summary(ran.get(ran.size() - 1));
            return new SnapshotView(s.id(), s.name(), s.fingerprint(), s.path(), s.bytes(), text(s.modifiedAt()),
                    text(s.discoveredAt()), StoredJson.readStrings(s.producer()), latest, s.versionKey());
        }).toList();
    }

    Optional<RunView> run(long id) {
        return runs.findById(id).map(run -> {
            String dataset = datasets.findById(run.datasetId()).map(DatasetRow::name).orElse("?");
            Optional<SnapshotRow> snapshot = snapshot(run.snapshotId());
            List<ResultView> list = results.findByRunIdOrderByPositionAsc(run.id()).stream()
                    .map(ApiViews::result).toList();
            return new RunView(run.id(), dataset, snapshot.map(SnapshotRow::name).orElse(null),
                    snapshot.map(SnapshotRow::fingerprint).orElse(null),
                    snapshot(run.referenceSnapshotId()).map(SnapshotRow::name).orElse(null), run.triggerKind(),
                    run.startedBy(), run.status(), run.outcome(), run.blocksGate(), text(run.startedAt()), text(run.finishedAt()),
                    run.error(), list);
        });
    }

    /** Page {@code page} (from 0) of the dataset's runs, newest first; an empty page past the last. */
    RunPageView runs(String name, int page, int size) {
        Optional<DatasetRow> dataset = datasets.findByName(name);
        if (dataset.isEmpty()) {
            return new RunPageView(name, page, size, 0, 0, List.of());
        }
        Page<RunRow> found = runs.findByDatasetId(dataset.get().id(), Pageable.from(page, size, Sort.of(Sort.Order.desc("id"))));
        return new RunPageView(name, page, size, found.getTotalSize(), found.getTotalPages(),
                found.getContent().stream().map(this::summary).toList());
    }

    VerdictView verdict(String dataset, RunRow run) {
        List<VerdictResultView> list = results.findByRunIdOrderByPositionAsc(run.id()).stream()
                .map(r -> new VerdictResultView(r.ruleName(), r.kind(), r.severity(), r.status(), r.columnName(),
                        r.splitName(), r.observed(), r.threshold(), r.message()))
                .toList();
        String status = run.succeeded() ? run.outcome() : "error";
        return new VerdictView(dataset, run.id(), snapshot(run.snapshotId()).map(SnapshotRow::name).orElse(null),
                status, run.blocksGate(), list);
    }

    RunSummaryView summary(RunRow run) {
        return new RunSummaryView(run.id(), snapshot(run.snapshotId()).map(SnapshotRow::name).orElse(null),
                run.triggerKind(), run.startedBy(), run.status(), run.outcome(), run.blocksGate(), text(run.startedAt()),
                text(run.finishedAt()), run.error());
    }

    private Optional<SnapshotRow> snapshot(Long id) {
        return id == null ? Optional.empty() : snapshots.findById(id);
    }

    private static ResultView result(RuleResultRow r) {
        return new ResultView(r.ruleName(), r.kind(), r.severity(), r.status(), r.columnName(), r.splitName(),
                r.checkName(), r.observed(), r.threshold(), r.message(), StoredJson.readList(r.evidence(), EvidenceView.class),
                MeasureView.of(r.measure()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
