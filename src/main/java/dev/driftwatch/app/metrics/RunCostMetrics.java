package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.run.RuleCost;
import dev.driftwatch.engine.run.RunTimings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What runs cost, as histograms over the runs since start-up: {@code driftwatch_rule_duration_seconds{dataset,rule,kind}}
 * (each rule's wall time: its row check's share of the profiling pass plus its {@code evaluate}),
 * {@code driftwatch_run_phase_duration_seconds{dataset,phase}} (the phases {@code reference, snapshot, rules}) and the
 * counter {@code driftwatch_rule_cpu_seconds_total{dataset,rule,kind}}. Runs restored from storage carry no timings and
 * are not observed. Callers synchronize.
 */
final class RunCostMetrics {
    static final String RULE_DURATION = "driftwatch.rule.duration";
    static final String PHASE_DURATION = "driftwatch.run.phase.duration";
    static final String RULE_CPU = "driftwatch.rule.cpu";
    /** From a millisecond check to a ten-minute pass over a large snapshot. */
    private static final Duration[] BUCKETS = Stream.of(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            10.0, 30.0, 60.0, 120.0, 300.0, 600.0).map(s -> Duration.ofNanos((long) (s * 1e9))).toArray(Duration[]::new);
    private final MeterRegistry registry;

    RunCostMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String dataset, RunTimings timings) {
        timings.phases().forEach((phase, cost) -> timer(PHASE_DURATION,
                "Wall time of a phase of a run: reference (reading or loading the reference's profile), snapshot "
                        + "(reading and profiling the snapshot), rules (judging)",
                "dataset", dataset, "phase", phase.id()).record(cost.wallNanos(), TimeUnit.NANOSECONDS));
        for (RuleCost rule : timings.rules()) {
            Cost total = rule.total();
            timer(RULE_DURATION, "Wall time of a rule in a run: its row check during the profiling pass plus its evaluation",
                    "dataset", dataset, "rule", rule.rule(), "kind", rule.kind())
                    .record(total.wallNanos(), TimeUnit.NANOSECONDS);
            Counter.builder(RULE_CPU).baseUnit("seconds")
                    .description("CPU time of a rule over the runs since start-up: its row check plus its evaluation")
                    .tags("dataset", dataset, "rule", rule.rule(), "kind", rule.kind()).register(registry)
                    .increment(total.cpuSeconds());
        }
    }

    /** Removes the series of datasets not in {@code declared}, and of rules no longer in a valid rules file. */
    void retain(Set<String> declared, Map<String, Set<String>> rulesByDataset) {
        for (Meter meter : registry.getMeters()) {
            Meter.Id id = meter.getId();
            if (!isCost(id.getName())) {
                continue;
            }
            String dataset = id.getTag("dataset");
            Set<String> rules = rulesByDataset.get(dataset);
            String rule = id.getTag("rule");
            if (!declared.contains(dataset) || (rule != null && rules != null && !rules.contains(rule))) {
                registry.remove(meter);
            }
        }
    }

    private static boolean isCost(String name) {
        return name.equals(RULE_DURATION) || name.equals(PHASE_DURATION) || name.equals(RULE_CPU);
    }

    private Timer timer(String name, String help, String... tags) {
        return Timer.builder(name).description(help).tags(tags).serviceLevelObjectives(BUCKETS).register(registry);
    }
}
