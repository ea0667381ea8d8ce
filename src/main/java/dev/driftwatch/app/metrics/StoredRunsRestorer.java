package dev.driftwatch.app.metrics;

import dev.driftwatch.app.alert.RuleAlertPublisher;
import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.events.DatasetCatalogChanged;
import dev.driftwatch.engine.rule.Rule;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, rebuilds the latest-snapshot gauges and the firing alerts from the stored runs, so a
 * restart shows the same picture, then drops what the rules folder no longer declares. Counters such
 * as {@code driftwatch_runs_total} start again from zero, as Prometheus expects of counters.
 */
@Singleton
final class StoredRunsRestorer {
    private static final Logger LOG = LoggerFactory.getLogger(StoredRunsRestorer.class);
    private final StoredRuns storedRuns;
    private final DatasetCatalog catalog;
    private final RunMetricsPublisher metrics;
    private final RuleAlertPublisher alerts;

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
            var latest = storedRuns.latestRuns();
            latest.forEach(run -> {
                metrics.restore(run);
                alerts.restore(run);
            });
            var declared = new DatasetCatalogChanged(declaredRules());
            metrics.onCatalogChanged(declared);
            alerts.onCatalogChanged(declared);
            LOG.info("rebuilt metrics and alert states from {} stored runs", latest.size());
        } catch (RuntimeException e) {
            LOG.error("could not rebuild metrics from the stored runs; they fill again with the next runs", e);
        }
    }

    private Map<String, Set<String>> declaredRules() {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        catalog.entries().values().forEach(entry -> entry.loaded().ifPresent(file -> rules.put(file.dataset().name(),
                file.rules().stream().map(Rule::name).collect(Collectors.toSet()))));
        return rules;
    }
}
