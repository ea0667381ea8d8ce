package dev.driftwatch.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The gauges that show the latest evaluated snapshot of each dataset. Replacing a dataset's samples
 * updates the series that remain, registers new ones and removes the ones that are gone, so a series
 * never outlives the rule, column or split it describes. Thread-safe (all methods synchronized).
 */
public final class LatestGauges {
    private final MeterRegistry registry;
    private final Map<String, Map<Meter.Id, AtomicReference<Double>>> byDataset = new HashMap<>();
    private final Map<Meter.Id, Gauge> gauges = new HashMap<>();

    public LatestGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Makes {@code samples} the only series of {@code dataset} among the gauges named in {@code families}. */
    public synchronized void replace(String dataset, Set<String> families, List<MetricSample> samples) {
        Map<Meter.Id, AtomicReference<Double>> current = byDataset.computeIfAbsent(dataset, d -> new LinkedHashMap<>());
        Map<Meter.Id, MetricSample> fresh = new LinkedHashMap<>();
        samples.forEach(sample -> fresh.put(idOf(sample), sample));
        removeWhere(dataset, id -> families.contains(id.getName()) && !fresh.containsKey(id));
        fresh.forEach((id, sample) -> current.computeIfAbsent(id, key -> register(key, sample)).set(sample.value()));
    }

    /** Removes every series of {@code dataset} whose labels {@code gone} selects. */
    public synchronized void removeWhere(String dataset, Predicate<Meter.Id> gone) {
        Map<Meter.Id, AtomicReference<Double>> current = byDataset.getOrDefault(dataset, Map.of());
        for (Iterator<Meter.Id> it = current.keySet().iterator(); it.hasNext(); ) {
            Meter.Id id = it.next();
            if (gone.test(id)) {
                it.remove();
                registry.remove(gauges.remove(id));
            }
        }
    }

    /** Removes every series of every dataset not in {@code datasets}. */
    public synchronized void retainDatasets(Set<String> datasets) {
        for (String dataset : List.copyOf(byDataset.keySet())) {
            if (!datasets.contains(dataset)) {
                removeWhere(dataset, id -> true);
                byDataset.remove(dataset);
            }
        }
    }

    /** The datasets that have series now. */
    public synchronized Set<String> datasets() {
        return Set.copyOf(byDataset.keySet());
    }

    private AtomicReference<Double> register(Meter.Id id, MetricSample sample) {
        AtomicReference<Double> holder = new AtomicReference<>(sample.value());
        Gauge gauge = Gauge.builder(sample.name(), holder, AtomicReference::get)
                .description(sample.help())
                .tags(sample.tags())
                .strongReference(true)
                .register(registry);
        gauges.put(id, gauge);
        return holder;
    }

    private static Meter.Id idOf(MetricSample sample) {
        return new Meter.Id(sample.name(), sample.tags(), null, sample.help(), Meter.Type.GAUGE);
    }
}
