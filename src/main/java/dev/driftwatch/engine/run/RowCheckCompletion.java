package dev.driftwatch.engine.run;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.cost.CostMeter;
import dev.driftwatch.engine.rule.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Completes a run's row checks after its pass ({@link Rule.RowCheck#completion}): the parts of every check run at once
 * on as many threads as the machine has cores, where their sorting, merging and searching would otherwise run one
 * after another on one core while the others wait. Meters what each check's parts cost. Stateless.
 */
final class RowCheckCompletion {
    private RowCheckCompletion() {
    }

    /**
     * What completing cost.
     *
     * @param byCheck each check's parts and {@code completed()}, whatever thread ran them
     * @param onPool  every part together, all on the pool's threads (not the run's)
     */
    record Completed(Map<Rule.RowCheck, Cost> byCheck, Cost onPool) {
    }

    /** Runs every part of every check, then each check's {@code completed()}. */
    static Completed completeAll(Collection<Rule.RowCheck> checks) {
        Map<Rule.RowCheck, Cost> costs = new IdentityHashMap<>();
        List<Rule.RowCheck> owners = new ArrayList<>();
        List<Runnable> parts = new ArrayList<>();
        for (Rule.RowCheck check : checks) {
            costs.put(check, Cost.ZERO);
            for (Runnable part : partsOf(check)) {
                owners.add(check);
                parts.add(part);
            }
        }
        List<Cost> partCosts = runAll(parts);
        Cost onPool = Cost.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            costs.merge(owners.get(i), partCosts.get(i), Cost::plus);
            onPool = onPool.plus(partCosts.get(i));
        }
        for (Rule.RowCheck check : checks) {
            CostMeter meter = CostMeter.start();
            try {
                check.completed();
            } catch (RuntimeException e) {
                // the check does what is missing when judged
            }
            costs.merge(check, meter.stop(), Cost::plus);
        }
        return new Completed(costs, onPool);
    }

    /** A check's parts; none when it cannot say them, and it does their work when judged. */
    private static List<Runnable> partsOf(Rule.RowCheck check) {
        try {
            return check.completion();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static List<Cost> runAll(List<Runnable> parts) {
        if (parts.isEmpty()) {
            return List.of();
        }
        var threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parts.size(), Runtime.getRuntime().availableProcessors()),
                task -> {
                    Thread thread = new Thread(task, "driftwatch-complete-" + threads.getAndIncrement());
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<Cost>> running = new ArrayList<>();
            for (Runnable part : parts) {
                running.add(pool.submit(() -> {
                    CostMeter meter = CostMeter.start();
                    try {
                        part.run();
                    } catch (RuntimeException e) {
                        // the check keeps its failure for its judging, or does the part's work then
                    }
                    return meter.stop();
                }));
            }
            List<Cost> costs = new ArrayList<>();
            for (Future<Cost> part : running) {
                costs.add(part.get());
            }
            return costs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while completing the row checks", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("could not complete the row checks", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
