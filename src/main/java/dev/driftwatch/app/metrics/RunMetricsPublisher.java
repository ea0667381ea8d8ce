package dev.driftwatch.app.metrics;

import dev.driftwatch.app.events.DatasetCatalogChanged;
import dev.driftwatch.app.events.RunFinished;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes every finished run as Prometheus metrics: the gauges of {@link LatestMetric} show the latest
 * evaluated snapshot of each dataset, {@code driftwatch_runs_total{dataset,outcome}} counts runs
 * ({@code succeeded} or {@code failed}). Series of datasets and rules removed from the rules folder
 * disappear on {@link DatasetCatalogChanged}. Thread-safe.
 */
@Singleton
public final class RunMetricsPublisher {
    static final String RUNS = "driftwatch_runs";
    private final MeterRegistry registry;
    private final LatestGauges gauges;
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    public RunMetricsPublisher(MeterRegistry registry) {
        this.registry = registry;
        this.gauges = new LatestGauges(registry);
    }

    @EventListener
    public synchronized void onRunFinished(RunFinished run) {
        Counter.builder(RUNS).description("Runs of a dataset by outcome: succeeded, or failed before its rules ran")
                .tags("dataset", run.dataset(), "outcome", run.succeeded() ? "succeeded" : "failed")
                .register(registry).increment();
        live.add(run.dataset());
        show(run);
    }

    /** Shows a stored run without counting it, unless a run of its dataset finished since start-up. */
    public synchronized void restore(RunFinished storedRun) {
        if (!live.contains(storedRun.dataset())) {
            show(storedRun);
        }
    }

    private void show(RunFinished run) {
        String dataset = run.dataset();
        if (run.succeeded()) {
            gauges.replace(dataset, LatestMetric.SNAPSHOT_FAMILIES, RunSamples.of(run.report()));
        }
        gauges.replace(dataset, Set.of(LatestMetric.LAST_RUN_TIMESTAMP.prometheusName(),
                LatestMetric.LAST_RUN_FAILED.prometheusName()), List.of(
                LatestMetric.LAST_RUN_TIMESTAMP.sample(RunSamples.seconds(run.finishedAt()), dataset),
                LatestMetric.LAST_RUN_FAILED.sample(run.succeeded() ? 0 : 1, dataset)));
    }

    @EventListener
    public void onCatalogChanged(DatasetCatalogChanged catalog) {
        Map<String, Set<String>> rules = catalog.rulesByDataset();
        gauges.retainDatasets(rules.keySet());
        for (String dataset : gauges.datasets()) {
            Set<String> declared = rules.get(dataset);
            gauges.removeWhere(dataset, id -> id.getTag("rule") != null && !declared.contains(id.getTag("rule")));
        }
        for (Meter meter : registry.find(RUNS).meters()) {
            if (!rules.containsKey(meter.getId().getTag("dataset"))) {
                registry.remove(meter);
            }
        }
    }
}
