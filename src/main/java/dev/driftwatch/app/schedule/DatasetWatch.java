package dev.driftwatch.app.schedule;

import dev.driftwatch.app.catalog.CatalogEntry;
import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.config.DriftwatchConfiguration;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.RunTrigger;
import dev.driftwatch.app.storage.UnreachableDatabase;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.spec.RulesFile;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which datasets are due and evaluates them on a bounded pool ({@code driftwatch.threads}):
 * one dataset never waits for another beyond the pool size, and a dataset is never evaluated twice at
 * the same time (a due dataset still busy is skipped until the next tick). Thread-safe.
 */
@Singleton
public class DatasetWatch {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetWatch.class);

    private final DatasetCatalog catalog;
    private final DatasetRunner runner;
    private final DriftwatchConfiguration configuration;
    private final Clock clock;
    private final ExecutorService pool;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastLooked = new ConcurrentHashMap<>();
    /** Datasets whose last turn found the database unreachable: said once, not at every turn. */
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();

    public DatasetWatch(DatasetCatalog catalog, DatasetRunner runner, DriftwatchConfiguration configuration,
                        Clock clock) {
        this.catalog = catalog;
        this.runner = runner;
        this.configuration = configuration;
        this.clock = clock;
        var count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(configuration.threads(), task -> {
            Thread thread = new Thread(task, "driftwatch-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Re-reads the rules and starts the evaluation of every due dataset.
     *
     * @return completes when the evaluations started by this tick have ended (never exceptionally)
     */
    public CompletableFuture<Void> tick() {
        Instant now = clock.instant();
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (CatalogEntry entry : catalog.reload().values()) {
            entry.loaded().filter(rules -> due(rules, now)).ifPresent(rules -> {
                String name = rules.dataset().name();
                if (!busy.add(name)) {
                    LOG.debug("{}: still being evaluated, skipped this tick", name);
                    return;
                }
                lastLooked.put(name, now);
                started.add(CompletableFuture.runAsync(() -> evaluateNew(rules), pool));
            });
        }
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
    }

    /**
     * Evaluates the latest snapshot of a dataset now, on the same bounded pool as the scheduled runs (it waits for a
     * thread of the pool like they do); the caller's thread waits for the result.
     *
     * @param trigger who asked for it ({@link RunTrigger#request})
     * @throws DatasetBusyException when the dataset is being evaluated already
     */
    public Optional<RunRow> evaluateLatest(RulesFile rules, RunTrigger trigger) {
        String name = rules.dataset().name();
        if (!busy.add(name)) {
            throw new DatasetBusyException(name);
        }
        CompletableFuture<Optional<RunRow>> run;
        try {
            run = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.evaluateLatest(rules, trigger);
                } finally {
                    busy.remove(name);
                }
            }, pool);
        } catch (RejectedExecutionException e) {
            busy.remove(name);
            throw e;
        }
        try {
            return run.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Stores a run evaluated elsewhere as the dataset's one writer, on the caller's thread (there is nothing to
     * evaluate, only rows to write).
     *
     * @throws DatasetBusyException when the dataset is being evaluated or another report of it stored
     */
    public RunRow record(RulesFile rules, RunReport report, RunTrigger trigger) {
        String name = rules.dataset().name();
        if (!busy.add(name)) {
            throw new DatasetBusyException(name);
        }
        try {
            return runner.record(rules, report, trigger);
        } finally {
            busy.remove(name);
        }
    }

    private boolean due(RulesFile rules, Instant now) {
        Duration interval = rules.dataset().interval() != null ? rules.dataset().interval() : configuration.interval();
        Instant last = lastLooked.get(rules.dataset().name());
        return last == null || !now.isBefore(last.plus(interval));
    }

    private void evaluateNew(RulesFile rules) {
        String name = rules.dataset().name();
        try {
            runner.evaluateNew(rules);
            if (unreachable.remove(name)) {
                LOG.info("{}: the database answers again", name);
            }
        } catch (RuntimeException | Error e) {
            Optional<String> reason = UnreachableDatabase.reason(e);
            if (reason.isEmpty()) {
                LOG.error("{}: evaluation stopped, will retry next time: {}", name, e.toString(), e);
            } else if (unreachable.add(name)) {
                LOG.error("{}: the database is unreachable, snapshots wait until it answers again: {}", name,
                        reason.get());
            } else {
                LOG.debug("{}: the database is still unreachable: {}", name, reason.get());
            }
        } finally {
            busy.remove(name);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
