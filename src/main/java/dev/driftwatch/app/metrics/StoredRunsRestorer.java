package dev.driftwatch.app.metrics;

import dev.driftwatch.app.alert.RuleAlertPublisher;
import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.events.DatasetCatalogChanged;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, rebuilds the latest-snapshot gauges and the firing alerts from the stored runs, so a
 * restart shows the same picture, then drops what the rules folder no longer declares. {@code driftwatch_runs_total}
 * carries on from the stored runs' counts.
 */
@Singleton
final class StoredRunsRestorer {
    private static final Logger LOG = LoggerFactory.getLogger(StoredRunsRestorer.class);
    private final StoredRuns storedRuns;
    private final DatasetCatalog catalog;
    private final RunMetricsPublisher metrics;
    private final RuleAlertPublisher alerts;
    private Set<String> declared;

    StoredRunsRestorer(StoredRuns storedRuns, DatasetCatalog catalog, RunMetricsPublisher metrics,
                       RuleAlertPublisher alerts) {
        this.storedRuns = storedRuns;
        this.catalog = catalog;
        this.metrics = metrics;
        this.alerts = alerts;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            metrics.restoreRunCounts(storedRuns.runsByOutcome());
            var latest = storedRuns.latestRuns();
            latest.forEach(run -> {
                metrics.restore(run);
                alerts.restore(run);
            });
            var declared = catalog.state();
            metrics.onCatalogChanged(declared);
            alerts.onCatalogChanged(declared);
            LOG.info("rebuilt metrics and alert states from {} stored runs", latest.size());
        } catch (RuntimeException e) {
            LOG.error("could not rebuild metrics from the stored runs; they fill again with the next runs", e);
        }
    }

    /**
     * A dataset declared again (its rules file re-added) shows its latest stored results at once, not only
     * after its next new snapshot, and what they still fail of the rules declared now fires again (the alerts resolved
     * when the file went away), and {@code driftwatch_runs_total} carries on from its stored runs' counts.
     */
    @EventListener
    void onCatalogChanged(DatasetCatalogChanged catalog) {
        Set<String> appeared = new HashSet<>(catalog.rulesByDataset().keySet());
        appeared.addAll(catalog.broken());
        Set<String> before;
        synchronized (this) {
            before = declared;
            declared = appeared;
        }
        if (before == null) {
            return; // the first reading of the rules folder: onStartup restores everything
        }
        appeared.removeAll(before);
        if (appeared.isEmpty()) {
            return;
        }
        try {
            Map<String, Map<String, Long>> counts = new HashMap<>(storedRuns.runsByOutcome());
            counts.keySet().retainAll(appeared);
            metrics.restoreRunCounts(counts);
            storedRuns.latestRuns().stream().filter(run -> appeared.contains(run.dataset())).forEach(run -> {
                metrics.restore(run);
                Set<String> rules = catalog.rulesByDataset().get(run.dataset());
                alerts.reinstate(run, rule -> rules == null || rules.contains(rule));
            });
        } catch (RuntimeException e) {
            LOG.error("could not show the stored runs of {}; they show again with their next runs", appeared, e);
        }
    }
}
