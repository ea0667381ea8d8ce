package dev.driftwatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTimingsTest {
    private static final long MS = 1_000_000;
    /** Rows of the snapshot: one profiling batch. */
    private static final int ROWS = 40;

    @TempDir
    Path dir;

    @Test
    void aSlowRuleShowsAtLeastItsOwnTimeAndThePhasesFitInTheRun() {
        // the expected times are the test rules' own: evaluate sleeps 80 ms; the row checks spin 1 ms of their
        // thread's CPU time per row (40 rows), read from the JVM's thread CPU clock by the rule itself
        var sleepy = new SlowRule("sleepy", 80, null);
        var spinning = new SlowRule("spinning", 0, "spin-alone");
        var sharedA = new SlowRule("shared-a", 0, "spin-shared");
        var sharedB = new SlowRule("shared-b", 0, "spin-shared");

        RunReport run = evaluate(List.of(sleepy, spinning, sharedA, sharedB), Optional.empty());

        RunTimings timings = run.timings();
        Map<String, RuleCost> byRule = timings.rules().stream().collect(Collectors.toMap(RuleCost::rule, r -> r));
        assertThat(timings.rules()).extracting(RuleCost::rule).containsExactly("missing", "sleepy", "spinning", "shared-a", "shared-b");
        assertThat(byRule.get("sleepy").evaluation().wallNanos()).isGreaterThanOrEqualTo(80 * MS);
        assertThat(byRule.get("sleepy").rows()).isEqualTo(Cost.ZERO);
        assertThat(byRule.get("spinning").rows().cpuNanos()).isGreaterThanOrEqualTo(ROWS * MS);
        assertThat(byRule.get("spinning").rows().wallNanos()).isGreaterThanOrEqualTo(ROWS * MS);
        assertThat(byRule.get("spinning").total().cpuNanos()).isGreaterThanOrEqualTo(ROWS * MS);
        // one check fed once for two rules: each is charged half of it
        assertThat(byRule.get("shared-a").rows()).isEqualTo(byRule.get("shared-b").rows());
        assertThat(byRule.get("shared-a").rows().cpuNanos()).isGreaterThanOrEqualTo(ROWS * MS / 2);
        assertThat(timings.phases()).containsOnlyKeys(RunPhase.SNAPSHOT, RunPhase.RULES);
        assertThat(timings.phases().get(RunPhase.RULES).wallNanos()).isGreaterThanOrEqualTo(80 * MS);
        // the pass waits for its row checks
        assertThat(timings.phases().get(RunPhase.SNAPSHOT).wallNanos()).isGreaterThanOrEqualTo(ROWS * MS);
        long phases = timings.phases().values().stream().mapToLong(Cost::wallNanos).sum();
        assertThat(phases).isLessThanOrEqualTo(timings.total().wallNanos());
        // Instant has microsecond resolution here: the run's start and end are read outside the metered span
        assertThat(timings.total().wallNanos()).isLessThanOrEqualTo(run.duration().toNanos() + 1_000);
        assertThat(timings.total().cpuNanos()).isGreaterThanOrEqualTo(2 * ROWS * MS);
        assertThat(timings.slowestFirst().get(timings.slowestFirst().size() - 1).total().wallNanos())
                .isLessThanOrEqualTo(timings.slowestFirst().get(0).total().wallNanos());
    }

    @Test
    void theChecksPartsRunAtOnceAfterThePassBeforeJudgingAndTheirCostIsTheirRules() {
        // two parts that can only both end when they run at the same time (each waits for the other at a barrier), then
        // spin 50 ms of their own thread's CPU time each (read from the JVM's thread CPU clock)
        var completing = new CompletingRule(new CyclicBarrier(2), new ArrayList<>());

        RunReport run = evaluate(List.of(completing), Optional.empty());

        assertThat(completing.events()).containsExactly("part", "part", "completed on main", "evaluate");
        RuleResult result = run.results().stream().filter(r -> r.rule().equals("completing")).findFirst().orElseThrow();
        assertThat(result.message()).isEqualTo("both parts ran at once");
        RuleCost cost = run.timings().rules().stream().filter(r -> r.rule().equals("completing")).findFirst().orElseThrow();
        assertThat(cost.rows().cpuNanos()).isGreaterThanOrEqualTo(2 * 50 * MS);
        assertThat(run.timings().total().cpuNanos()).isGreaterThanOrEqualTo(2 * 50 * MS);
    }

    @Test
    void theReferencesCostIsTheFirstPhaseAndPartOfTheTotal() {
        RunReport first = evaluate(List.of(), Optional.empty());
        Cost reference = new Cost(Duration.ofSeconds(5).toNanos(), Duration.ofSeconds(4).toNanos());

        RunReport run = evaluate(List.of(), Optional.of(new SnapshotEvaluator.Reference("s1", first.profile(), reference)));

        assertThat(run.timings().phases().keySet()).containsExactly(RunPhase.REFERENCE, RunPhase.SNAPSHOT, RunPhase.RULES);
        assertThat(run.timings().phases().get(RunPhase.REFERENCE)).isEqualTo(reference);
        assertThat(run.timings().total().wallNanos()).isGreaterThanOrEqualTo(reference.wallNanos());
        assertThat(run.timings().total().cpuNanos()).isGreaterThanOrEqualTo(reference.cpuNanos());
    }

    @Test
    void aProfiledReferenceCostsTheCpuOfItsProfilingWorkersToo() throws Exception {
        // the expected figures come from the JVM's clocks, read by the test: the calling thread's CPU time around the
        // call, the process's, and each profiling worker's (threads named driftwatch-profile-*) polled while it runs
        String csv = "id,title\n" + IntStream.range(0, 60_000)
                .mapToObj(i -> i + ",\"words of row " + i + " and some more " + (i * 31 % 977) + " to count\"")
                .collect(Collectors.joining("\n")) + "\n";
        RulesFile file = RuleFixture.csv(dir, """
                columns: {id: id, text: [title]}
                rules:
                  - {name: missing, kind: missing_values, columns: [title]}
                """).snapshot("ref", Map.of("data.csv", csv)).rules();
        Snapshot snapshot = new SnapshotDiscovery(Clock.systemUTC())
                .snapshotAt(file.dataset(), dir.resolve("snapshots").resolve("ref")).orElseThrow();
        var evaluator = new SnapshotEvaluator(new Profiler(2), Clock.systemUTC());
        var threads = ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var workers = new WorkerCpuWatch();

        long processBefore = process.getProcessCpuTime();
        long callerBefore = threads.getCurrentThreadCpuTime();
        workers.start();
        SnapshotEvaluator.Reference reference = evaluator.reference(file.dataset(), file.rules(), snapshot);
        long caller = threads.getCurrentThreadCpuTime() - callerBefore;
        long workersSeen = workers.stopAndSum();
        long processUsed = process.getProcessCpuTime() - processBefore;

        assertThat(reference.snapshotId()).isEqualTo("ref");
        assertThat(reference.profile().rows()).isEqualTo(60_000);
        assertThat(workersSeen).isPositive();
        assertThat(reference.cost().cpuNanos()).isGreaterThanOrEqualTo(caller - 5 * MS + workersSeen * 9 / 10)
                .isLessThanOrEqualTo(processUsed);
    }

    /** Polls the CPU time of the profiling workers every millisecond; the sum of the last reading of each. */
    private static final class WorkerCpuWatch extends Thread {
        private final Map<Long, Long> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean stopped;

        WorkerCpuWatch() {
            setDaemon(true);
        }

        @Override
        public void run() {
            var threads = ManagementFactory.getThreadMXBean();
            while (!stopped) {
                for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                    if (info != null && info.getThreadName().startsWith("driftwatch-profile-")) {
                        long cpu = threads.getThreadCpuTime(info.getThreadId());
                        if (cpu > 0) {
                            lastSeen.merge(info.getThreadId(), cpu, Math::max);
                        }
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stopAndSum() throws InterruptedException {
            stopped = true;
            join();
            return lastSeen.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private RunReport evaluate(List<Rule> extra, Optional<SnapshotEvaluator.Reference> reference) {
        String csv = "id,x\n" + IntStream.range(0, ROWS).mapToObj(i -> i + "," + i).collect(Collectors.joining("\n")) + "\n";
        RulesFile file = RuleFixture.csv(dir, """
                columns: {id: id, numeric: [x]}
                rules:
                  - {name: missing, kind: missing_values, columns: [x]}
                """).snapshot("s1", Map.of("data.csv", csv)).rules();
        List<Rule> rules = new ArrayList<>(file.rules());
        rules.addAll(extra);
        Snapshot snapshot = new SnapshotDiscovery(Clock.systemUTC())
                .snapshotAt(file.dataset(), dir.resolve("snapshots").resolve("s1")).orElseThrow();
        return new SnapshotEvaluator(new Profiler(), Clock.systemUTC()).evaluate(file.dataset(), rules, snapshot, reference);
    }

    /**
     * A rule whose row check has two parts to complete, which wait for each other at the barrier. A class, not a record:
     * a run keeps rules as keys, and a record's hash would change with its events.
     */
    private static final class CompletingRule implements Rule {
        private final CyclicBarrier barrier;
        private final List<String> events;

        CompletingRule(CyclicBarrier barrier, List<String> events) {
            this.barrier = barrier;
            this.events = events;
        }

        List<String> events() {
            return events;
        }

        @Override
        public String name() {
            return "completing";
        }

        @Override
        public String kind() {
            return "completing";
        }

        @Override
        public Severity severity() {
            return Severity.WARN;
        }

        @Override
        public Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
            return Optional.of(new RowCheck() {
                @Override
                public void accept(Row row) {
                }

                @Override
                public List<Runnable> completion() {
                    Runnable part = () -> {
                        try {
                            barrier.await(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        spin(50 * MS);
                        synchronized (events) {
                            events.add("part");
                        }
                    };
                    return List.of(part, part);
                }

                @Override
                public void completed() {
                    events.add("completed on " + Thread.currentThread().getName());
                }
            });
        }

        @Override
        public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
            events.add("evaluate");
            String message = barrier.isBroken() ? "a part waited alone" : "both parts ran at once";
            return List.of(RuleResult.judged(this, false, null, null, null, null, message, List.of()));
        }
    }

    private static void spin(long cpuNanos) {
        var threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + cpuNanos;
        while (threads.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }

    /**
     * A rule whose evaluate sleeps {@code sleepMillis}, and whose row check (when {@code checkKey} is given; equal keys
     * share one check) spins 1 ms of its thread's CPU time per row.
     */
    private record SlowRule(String name, long sleepMillis, String checkKey) implements Rule {
        @Override
        public String kind() {
            return "slow";
        }

        @Override
        public Severity severity() {
            return Severity.WARN;
        }

        @Override
        public Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
            if (checkKey == null) {
                return Optional.empty();
            }
            return Optional.of(new RowCheck() {
                @Override
                public void accept(Row row) {
                    spin(MS);
                }

                @Override
                public Object key() {
                    return checkKey;
                }
            });
        }

        @Override
        public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return List.of(RuleResult.judged(this, false, null, null, null, null, "slow on purpose", List.of()));
        }
    }
}
