package dev.driftwatch.app.web;

import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RuleResultRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.RunStore;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.report.html.ColumnHistoryPage;
import dev.driftwatch.report.html.ColumnHistoryPoint;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A column's history page, from the stored profiles of each snapshot's latest successful run in the catalog's
 * snapshot order, and the drift results stored with those runs. Read-only; thread-safe.
 */
@Singleton
class StoredColumnHistory {
    private static final Logger LOG = LoggerFactory.getLogger(StoredColumnHistory.class);

    private final DatasetCatalog catalog;
    private final DatasetRepository datasets;
    private final SnapshotRepository snapshots;
    private final RunRepository runs;
    private final RuleResultRepository results;
    private final RunStore store;

    StoredColumnHistory(DatasetCatalog catalog, DatasetRepository datasets, SnapshotRepository snapshots, RunRepository runs,
                        RuleResultRepository results, RunStore store) {
        this.catalog = catalog;
        this.datasets = datasets;
        this.snapshots = snapshots;
        this.runs = runs;
        this.results = results;
        this.store = store;
    }

    /** The page, or empty when no dataset of that name is declared. */
    Optional<String> page(String dataset, String column) {
        if (catalog.entry(dataset).isEmpty()) {
            return Optional.empty();
        }
        List<ColumnHistoryPoint> history = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Profiled profiled : profiles(dataset)) {
            Map<String, ColumnProfile> splits = new LinkedHashMap<>();
            profiled.profile().splits().forEach((split, profile) -> {
                columns.addAll(profile.columns().keySet());
                profile.column(column).ifPresent(c -> splits.put(split, c));
            });
            history.add(new ColumnHistoryPoint(profiled.snapshot().name(), splits, drift(profiled.run(), column)));
        }
        return Optional.of(ColumnHistoryPage.document(dataset, column, history, List.copyOf(columns), StoredPages.HOME));
    }

    /** The columns of the dataset's latest stored profile, for the dataset page's links. */
    List<String> columns(String dataset) {
        Optional<RunRow> latest = datasets.findByName(dataset)
                .flatMap(d -> runs.findByDatasetIdAndStatusOrderByIdAsc(d.id(), "succeeded").stream().reduce((a, b) -> b));
        Set<String> columns = new LinkedHashSet<>();
        latest.flatMap(this::profile).ifPresent(p -> p.splits().values().forEach(s -> columns.addAll(s.columns().keySet())));
        return List.copyOf(columns);
    }

    private Map<String, Double> drift(RunRow run, String column) {
        Map<String, Double> drift = new LinkedHashMap<>();
        results.findByRunIdOrderByPositionAsc(run.id()).stream()
                .filter(r -> r.kind().equals("distribution_shift") && column.equals(r.columnName()) && r.observed() != null)
                .forEach(r -> drift.put((r.checkName() == null ? "drift" : r.checkName())
                        + (r.splitName() == null ? "" : " in " + r.splitName()), r.observed()));
        return drift;
    }

    /** Each snapshot with a readable profile of its latest successful run, in the catalog's order. */
    private List<Profiled> profiles(String dataset) {
        List<Profiled> profiled = new ArrayList<>();
        datasets.findByName(dataset).ifPresent(d -> {
            for (SnapshotRow snapshot : catalog.inOrder(dataset, snapshots.findByDatasetIdOrderByName(d.id()))) {
                runs.findFirstBySnapshotIdAndStatusOrderByIdDesc(snapshot.id(), "succeeded")
                        .ifPresent(run -> profile(run).ifPresent(p -> profiled.add(new Profiled(snapshot, run, p))));
            }
        });
        return profiled;
    }

    private Optional<SnapshotProfile> profile(RunRow run) {
        try {
            return store.profile(run);
        } catch (RuntimeException e) {
            LOG.warn("the profile of run {} could not be read: {}", run.id(), e.toString());
            return Optional.empty();
        }
    }

    private record Profiled(SnapshotRow snapshot, RunRow run, SnapshotProfile profile) {
    }
}
