package dev.driftwatch.app.metrics;

import dev.driftwatch.app.alert.RuleAlertPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, rebuilds the latest-snapshot gauges and the firing alerts from the stored runs, so a
 * restart shows the same picture (counters such as {@code driftwatch_runs_total} start again from zero,
 * as Prometheus expects of counters).
 */
@Singleton
final class StoredRunsRestorer {
    private static final Logger LOG = LoggerFactory.getLogger(StoredRunsRestorer.class);
    private final Optional<StoredRuns> storedRuns;
    private final RunMetricsPublisher metrics;
    private final RuleAlertPublisher alerts;

    StoredRunsRestorer(Optional<StoredRuns> storedRuns, RunMetricsPublisher metrics, RuleAlertPublisher alerts) {
        this.storedRuns = storedRuns;
        this.metrics = metrics;
        this.alerts = alerts;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        storedRuns.ifPresent(runs -> {
            var latest = runs.latestRuns();
            latest.forEach(run -> {
                metrics.restore(run);
                alerts.restore(run);
            });
            LOG.info("Rebuilt metrics and alert states from {} stored runs", latest.size());
        });
    }
}
