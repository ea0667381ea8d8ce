package dev.driftwatch.app.web;

import dev.driftwatch.app.catalog.CatalogEntry;
import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.DatasetRow;
import dev.driftwatch.app.storage.ProfileMetricRepository;
import dev.driftwatch.app.storage.ProfileMetricRow;
import dev.driftwatch.app.storage.RuleResultRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.RunStore;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.report.html.DatasetPage;
import dev.driftwatch.report.html.DatasetState;
import dev.driftwatch.report.html.HistoryPoint;
import dev.driftwatch.report.html.OverviewPage;
import dev.driftwatch.report.html.RunLine;
import dev.driftwatch.report.html.RunReportPage;
import dev.driftwatch.report.html.SnapshotLine;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the service's HTML pages from the catalog and the stored rows. Read-only; thread-safe. */
@Singleton
class StoredPages {
    /** Columns a page of a run's report shows: the page of a 2,000-column run stays within a megabyte or so. */
    static final int COLUMNS_PER_PAGE = 50;
    static final String HOME = "/";
    private static final Logger LOG = LoggerFactory.getLogger(StoredPages.class);

    private final DatasetCatalog catalog;
    private final DatasetRepository datasets;
    private final SnapshotRepository snapshots;
    private final RunRepository runs;
    private final RuleResultRepository results;
    private final ProfileMetricRepository figures;
    private final RunStore store;
    private final StoredRunPage runPages;
    private final StoredColumnHistory columns;

    StoredPages(DatasetCatalog catalog, DatasetRepository datasets, SnapshotRepository snapshots, RunRepository runs,
                RuleResultRepository results, ProfileMetricRepository figures, RunStore store, StoredColumnHistory columns) {
        this.columns = columns;
        this.catalog = catalog;
        this.datasets = datasets;
        this.snapshots = snapshots;
        this.runs = runs;
        this.results = results;
        this.figures = figures;
        this.store = store;
        this.runPages = new StoredRunPage(datasets, snapshots, results);
    }

    String overview() {
        List<DatasetState> states = catalog.entries().values().stream().map(this::state).toList();
        return OverviewPage.document(states, HOME);
    }

    Optional<String> dataset(String name) {
        return catalog.entry(name).map(entry -> {
            Optional<DatasetRow> row = datasets.findByName(name);
            List<SnapshotRow> stored = row.map(d -> catalog.inOrder(name, snapshots.findByDatasetIdOrderByName(d.id())))
                    .orElse(List.of());
            List<SnapshotLine> lines = stored.stream().map(s -> new SnapshotLine(s.name(), s.fingerprint(), s.path(), s.bytes(),
                    s.discoveredAt())).toList();
            List<RunLine> ran = new ArrayList<>();
            List<HistoryPoint> history = new ArrayList<>();
            for (SnapshotRow snapshot : stored) {
                List<RunRow> ofSnapshot = runs.findBySnapshotIdOrderByIdAsc(snapshot.id());
                ofSnapshot.forEach(r -> ran.add(line(r, snapshot.name())));
                ofSnapshot.stream().filter(RunRow::succeeded).reduce((a, b) -> b).ifPresent(r -> history.add(point(snapshot, r)));
            }
            ran.sort(Comparator.comparingLong(RunLine::id).reversed());
            return DatasetPage.document(state(entry), history, lines, ran, columns.columns(name), HOME);
        });
    }

    /**
     * One page of a run's report: {@value #COLUMNS_PER_PAGE} columns of the profile, with their results and charts.
     *
     * @param page from 1
     * @throws IllegalArgumentException for a page the run does not have
     */
    Optional<String> run(long id, int page) {
        return runs.findById(id).filter(RunRow::succeeded).map(run -> {
            String datasetName = datasets.findById(run.datasetId()).map(DatasetRow::name).orElse("?");
            SnapshotProfile reference = Optional.ofNullable(run.referenceSnapshotId())
                    .flatMap(refId -> runs.findFirstBySnapshotIdAndStatusOrderByIdDesc(refId, "succeeded"))
                    .flatMap(this::profile).orElse(null);
            var definition = catalog.entry(datasetName).flatMap(CatalogEntry::loaded).map(f -> f.dataset()).orElse(null);
            var data = runPages.data(run, profile(run).orElse(null));
            var window = RunReportPage.window(data, COLUMNS_PER_PAGE, page);
            return RunReportPage.document(data, reference, definition, HOME,
                    "<h2>History of " + dev.driftwatch.report.html.Html.escape(datasetName) + "</h2>"
                            + DatasetPage.history(historyOf(datasetName, run.datasetId())), window, HOME + "runs/" + run.id());
        });
    }

    private List<HistoryPoint> historyOf(String datasetName, Long datasetId) {
        List<HistoryPoint> history = new ArrayList<>();
        for (SnapshotRow snapshot : catalog.inOrder(datasetName, snapshots.findByDatasetIdOrderByName(datasetId))) {
            runs.findFirstBySnapshotIdAndStatusOrderByIdDesc(snapshot.id(), "succeeded").ifPresent(r -> history.add(point(snapshot, r)));
        }
        return history;
    }

    private Optional<SnapshotProfile> profile(RunRow run) {
        try {
            return store.profile(run);
        } catch (RuntimeException e) {
            LOG.warn("the profile of run {} could not be read: {}", run.id(), e.toString());
            return Optional.empty();
        }
    }

    private DatasetState state(CatalogEntry entry) {
        Optional<DatasetRow> row = datasets.findByName(entry.name());
        Optional<RunRow> latest = row.flatMap(store::latestRun);
        int count = row.map(d -> snapshots.findByDatasetIdOrderByName(d.id()).size()).orElse(0);
        String snapshot = latest.map(RunRow::snapshotId).flatMap(snapshots::findById).map(SnapshotRow::name).orElse(null);
        return new DatasetState(entry.name(), latest.map(r -> r.succeeded() ? r.outcome() : "error").orElse(null),
                latest.map(RunRow::blocksGate).orElse(false), snapshot, latest.map(RunRow::id).orElse(null),
                latest.map(RunRow::finishedAt).orElse(null), count, entry.error(),
                latest.filter(RunRow::succeeded).map(this::failing).orElse(List.of()));
    }

    private List<DatasetState.FailingRule> failing(RunRow run) {
        return results.findByRunIdOrderByPositionAsc(run.id()).stream()
                .filter(r -> Status.valueOf(r.status().toUpperCase(java.util.Locale.ROOT)).alerts())
                .map(r -> new DatasetState.FailingRule(r.ruleName(), r.status(), r.columnName() == null ? null
                        : r.columnName() + (r.splitName() == null ? "" : " in " + r.splitName())))
                .toList();
    }

    private static RunLine line(RunRow r, String snapshot) {
        return new RunLine(r.id(), snapshot, r.triggerKind(), r.status(), r.outcome(), r.blocksGate(), r.startedAt(),
                r.finishedAt(), r.error());
    }

    private HistoryPoint point(SnapshotRow snapshot, RunRow run) {
        Map<String, Long> statuses = new HashMap<>();
        results.findByRunIdOrderByPositionAsc(run.id()).forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
        Double rows = null;
        Map<String, Double> missing = new LinkedHashMap<>();
        for (ProfileMetricRow figure : figures.findByRunId(run.id())) {
            if (figure.columnName() == null && figure.metric().equals("rows") && figure.splitName().equals("*")) {
                rows = figure.metricValue();
            } else if (figure.columnName() != null && figure.metric().equals("missing")) {
                missing.merge(figure.columnName(), figure.metricValue(), Double::sum);
            }
        }
        Map<String, Double> ratios = new LinkedHashMap<>();
        if (rows != null && rows > 0) {
            double total = rows;
            missing.forEach((column, n) -> ratios.put(column, n / total));
        }
        return new HistoryPoint(snapshot.name(), rows, statuses, ratios);
    }
}
