package dev.driftwatch.app.metrics;

import dev.driftwatch.app.config.MetricsConfiguration;
import dev.driftwatch.app.events.DatasetCatalogChanged;
import dev.driftwatch.app.events.RunFinished;
import dev.driftwatch.app.events.SnapshotsChecked;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every finished run as Prometheus metrics: the gauges of {@link LatestMetric} show the latest
 * evaluated snapshot of each dataset, {@code driftwatch_runs_total{dataset,outcome}} counts runs
 * ({@code succeeded} or {@code failed}; both at 0 from the moment a dataset is declared, and carried on from the
 * stored runs at start-up), and what each run and rule cost ({@link RunCostMetrics}). Per-column series stop at
 * {@code driftwatch.metrics.max-columns-per-dataset} columns ({@link ColumnSeriesCap}). Series of datasets and rules
 * removed from the rules folder
 * disappear on {@link DatasetCatalogChanged}. Thread-safe.
 */
@Singleton
public final class RunMetricsPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(RunMetricsPublisher.class);
    static final String RUNS = "driftwatch_runs";
    private static final String SUCCEEDED = "succeeded";
    private static final String FAILED = "failed";
    private static final Set<String> CHECK_FAMILIES = Set.of(LatestMetric.LAST_CHECK_TIMESTAMP.prometheusName(),
            LatestMetric.NEWEST_SNAPSHOT_TIMESTAMP.prometheusName(), LatestMetric.MAX_SNAPSHOT_AGE.prometheusName());
    private final MeterRegistry registry;
    private final LatestGauges gauges;
    private final RunCostMetrics costs;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final int maxColumns;
    /** Datasets whose capped columns were logged: once each. */
    private final Set<String> capped = new HashSet<>();

    /** A publisher with the default cap on columns. */
    public RunMetricsPublisher(MeterRegistry registry) {
        this(registry, new MetricsConfiguration(200));
    }

    @Inject
    public RunMetricsPublisher(MeterRegistry registry, MetricsConfiguration metrics) {
        this.registry = registry;
        this.gauges = new LatestGauges(registry);
        this.maxColumns = metrics.maxColumnsPerDataset();
        this.costs = new RunCostMetrics(registry);
    }

    @EventListener
    public synchronized void onRunFinished(RunFinished run) {
        runs(run.dataset(), run.succeeded() ? SUCCEEDED : FAILED).increment();
        live.add(run.dataset());
        if (run.succeeded() && run.report().timings() != null) {
            costs.record(run.dataset(), run.report().timings());
        }
        show(run);
    }

    /**
     * Counts the runs stored before start-up into {@code driftwatch_runs_total}, so the counter carries on where it
     * stood rather than starting from zero: at start-up, and for a dataset declared again.
     */
    public synchronized void restoreRunCounts(Map<String, Map<String, Long>> runsByOutcome) {
        runsByOutcome.forEach((dataset, byOutcome) -> byOutcome.forEach((outcome, count) -> {
            Counter counter = runs(dataset, outcome);
            if (count > counter.count()) {
                counter.increment(count - counter.count()); // the stored count includes runs since start-up
            }
        }));
    }

    private Counter runs(String dataset, String outcome) {
        return Counter.builder(RUNS).description("Runs of a dataset by outcome: succeeded, or failed before its rules ran")
                .tags("dataset", dataset, "outcome", outcome).register(registry);
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
            ColumnSeriesCap.Capped kept = ColumnSeriesCap.apply(RunSamples.of(run.report()), maxColumns);
            List<MetricSample> samples = new ArrayList<>(kept.samples());
            samples.add(LatestMetric.METRIC_COLUMNS_DROPPED.sample(kept.droppedColumns(), dataset));
            if (kept.droppedColumns() > 0 && capped.add(dataset)) {
                LOG.warn("{}: {} columns have no series of their own, beyond driftwatch.metrics.max-columns-per-dataset ({});"
                        + " driftwatch_metric_columns_dropped counts them", dataset, kept.droppedColumns(), maxColumns);
            }
            gauges.replace(dataset, LatestMetric.SNAPSHOT_FAMILIES, samples);
        }
        gauges.replace(dataset, Set.of(LatestMetric.LAST_RUN_TIMESTAMP.prometheusName(),
                LatestMetric.LAST_RUN_FAILED.prometheusName()), List.of(
                LatestMetric.LAST_RUN_TIMESTAMP.sample(RunSamples.seconds(run.finishedAt()), dataset),
                LatestMetric.LAST_RUN_FAILED.sample(run.succeeded() ? 0 : 1, dataset)));
    }

    /** Shows when the dataset was last checked, how old its newest snapshot is, and how old it may grow. */
    @EventListener
    public synchronized void onSnapshotsChecked(SnapshotsChecked check) {
        String dataset = check.dataset();
        List<MetricSample> samples = new ArrayList<>();
        samples.add(LatestMetric.LAST_CHECK_TIMESTAMP.sample(RunSamples.seconds(check.checkedAt()), dataset));
        if (check.newestSnapshot() != null) {
            samples.add(LatestMetric.NEWEST_SNAPSHOT_TIMESTAMP.sample(RunSamples.seconds(check.newestSnapshot()), dataset));
        }
        if (check.maxSnapshotAge() != null) {
            samples.add(LatestMetric.MAX_SNAPSHOT_AGE.sample(check.maxSnapshotAge().toMillis() / 1000.0, dataset));
        }
        gauges.replace(dataset, CHECK_FAMILIES, samples);
    }

    /**
     * Drops the series of datasets and rules no longer declared; a dataset whose rules file is broken keeps its
     * series (its latest stored results still hold). Shows {@code driftwatch_rules_file_valid} of every file.
     */
    @EventListener
    public synchronized void onCatalogChanged(DatasetCatalogChanged catalog) {
        Map<String, Set<String>> rules = catalog.rulesByDataset();
        Set<String> declared = new HashSet<>(rules.keySet());
        declared.addAll(catalog.broken());
        gauges.retainDatasets(declared);
        live.retainAll(declared);
        for (String dataset : gauges.datasets()) {
            Set<String> kept = rules.get(dataset);
            if (kept != null) {
                gauges.removeWhere(dataset, id -> id.getTag("rule") != null && !kept.contains(id.getTag("rule")));
            }
        }
        costs.retain(declared, rules);
        declared.forEach(dataset -> List.of(SUCCEEDED, FAILED).forEach(outcome -> runs(dataset, outcome)));
        catalog.files().forEach((dataset, file) -> gauges.replace(dataset,
                Set.of(LatestMetric.RULES_FILE_VALID.prometheusName()),
                List.of(LatestMetric.RULES_FILE_VALID.sample(catalog.broken().contains(dataset) ? 0 : 1, dataset, file))));
        for (Meter meter : registry.find(RUNS).meters()) {
            if (!declared.contains(meter.getId().getTag("dataset"))) {
                registry.remove(meter);
            }
        }
    }
}
