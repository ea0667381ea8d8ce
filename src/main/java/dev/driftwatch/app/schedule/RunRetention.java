package dev.driftwatch.app.schedule;

import dev.driftwatch.app.catalog.CatalogEntry;
import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.config.RetentionConfiguration;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.DatasetRow;
import dev.driftwatch.app.storage.RunPruner;
import dev.driftwatch.app.storage.RunStore;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.engine.dataset.ReferencePolicy;
import dev.driftwatch.spec.RulesFile;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes every stored dataset's expired runs ({@code driftwatch.retention.*}, {@link dev.driftwatch.app.storage.RetentionPlan}),
 * keeping the profiles later runs compare with: the pinned baseline's, and those of the two newest evaluated snapshots
 * in the dataset's order (the reference of the next snapshot, and of the newest evaluated again). A dataset that fails
 * to prune is logged and the others go on.
 */
@Singleton
public class RunRetention {
    private static final Logger LOG = LoggerFactory.getLogger(RunRetention.class);
    private static final int NEWEST_REFERENCES = 2;

    private final RetentionConfiguration settings;
    private final DatasetRepository datasets;
    private final SnapshotRepository snapshots;
    private final RunStore store;
    private final DatasetCatalog catalog;
    private final RunPruner pruner;
    private final Clock clock;

    public RunRetention(RetentionConfiguration settings, DatasetRepository datasets, SnapshotRepository snapshots,
                        RunStore store, DatasetCatalog catalog, RunPruner pruner, Clock clock) {
        this.settings = settings;
        this.datasets = datasets;
        this.snapshots = snapshots;
        this.store = store;
        this.catalog = catalog;
        this.pruner = pruner;
        this.clock = clock;
    }

    /** Prunes every dataset once; nothing when neither {@code max-age} nor {@code keep-last} is set. */
    public void pruneAll() {
        if (!settings.enabled()) {
            return;
        }
        for (DatasetRow dataset : datasets.findAll()) {
            try {
                RunPruner.Pruned pruned = pruner.prune(dataset.id(), references(dataset), clock.instant(),
                        settings.maxAge(), settings.keepLast(), settings.keepHistory());
                if (pruned.any()) {
                    LOG.info("{}: pruned {} run(s), {} result(s), {} profile(s), {} profile figure(s)", dataset.name(),
                            pruned.runs(), pruned.ruleResults(), pruned.profiles(), pruned.profileMetrics());
                }
            } catch (RuntimeException e) {
                LOG.error("{}: could not prune old runs, will try again: {}", dataset.name(), e.toString(), e);
            }
        }
    }

    private Set<Long> references(DatasetRow dataset) {
        List<SnapshotRow> ordered = catalog.inOrder(dataset.name(), snapshots.findByDatasetIdOrderByName(dataset.id()));
        Set<Long> references = new HashSet<>();
        Optional<String> baseline = catalog.entry(dataset.name()).flatMap(CatalogEntry::loaded).map(RulesFile::dataset)
                .map(definition -> definition.reference())
                .filter(reference -> reference.kind() == ReferencePolicy.Kind.BASELINE).map(ReferencePolicy::baseline);
        baseline.ifPresent(name -> ordered.stream().filter(row -> row.name().equals(name))
                .forEach(row -> references.add(row.id())));
        int newest = 0;
        for (int i = ordered.size() - 1; i >= 0 && newest < NEWEST_REFERENCES; i--) {
            if (store.successfulRun(ordered.get(i)).isPresent()) {
                references.add(ordered.get(i).id());
                newest++;
            }
        }
        return references;
    }
}
