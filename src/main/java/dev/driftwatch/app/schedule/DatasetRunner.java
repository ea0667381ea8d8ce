package dev.driftwatch.app.schedule;

import dev.driftwatch.app.config.LimitsConfiguration;
import dev.driftwatch.app.events.RunFinished;
import dev.driftwatch.app.events.SnapshotsChecked;
import dev.driftwatch.app.storage.DatasetRow;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.RunStatus;
import dev.driftwatch.app.storage.RunStore;
import dev.driftwatch.app.storage.StoredHistory;
import dev.driftwatch.app.storage.RunTrigger;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.engine.data.RunDeadline;
import dev.driftwatch.engine.cost.CostMeter;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.ReferencePolicy;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.engine.snapshot.SourceScan;
import dev.driftwatch.spec.DurationText;
import dev.driftwatch.spec.RulesFile;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the snapshots of one dataset: discovers the complete ones, stores each new version, and runs the
 * engine on every version without a successful run, in the dataset's order, each compared with its reference. A failure is
 * stored as a failed run; the schedule tries the version again after a wait that doubles ({@link RetryBackoff}), and
 * a failure the same as the stored one is not stored again, so a version that keeps failing has one failed run
 * until its content changes (a new version).
 * Callers must not run two evaluations of the same dataset at once ({@link DatasetWatch} sees to it).
 */
@Singleton
public class DatasetRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetRunner.class);
    private static final String INTERRUPTED = "interrupted before its result was stored (the database went away or the "
            + "service stopped)";

    private final SnapshotDiscovery discovery;
    private final SnapshotEvaluator evaluator;
    private final RunStore store;
    private final ApplicationEventPublisher<RunFinished> events;
    private final RetryBackoff backoff;
    private final ApplicationEventPublisher<SnapshotsChecked> checks;
    private final StoredHistory history;
    private final LimitsConfiguration limits;

    public DatasetRunner(SnapshotDiscovery discovery, SnapshotEvaluator evaluator, RunStore store,
                         ApplicationEventPublisher<RunFinished> events, RetryBackoff backoff,
                         ApplicationEventPublisher<SnapshotsChecked> checks, StoredHistory history,
                         LimitsConfiguration limits) {
        this.history = history;
        this.limits = limits;
        this.discovery = discovery;
        this.evaluator = evaluator;
        this.store = store;
        this.events = events;
        this.backoff = backoff;
        this.checks = checks;
    }

    /** Evaluates every snapshot not evaluated yet; stops at the first failure (later ones need it as reference). */
    public void evaluateNew(RulesFile rules) {
        DatasetDefinition definition = rules.dataset();
        DatasetRow dataset = dataset(rules);
        Optional<List<Snapshot>> found = discover(rules, dataset, RunTrigger.SCHEDULE);
        if (found.isEmpty()) {
            return;
        }
        List<Snapshot> snapshots = found.get();
        Evaluated previous = null;
        Evaluated baseline = null;
        if (definition.reference().kind() == ReferencePolicy.Kind.BASELINE) {
            baseline = baseline(rules, dataset, snapshots, RunTrigger.SCHEDULE).orElse(null);
            if (baseline == null) {
                return;
            }
        }
        int evaluated = 0;
        for (Snapshot snapshot : snapshots) {
            SnapshotRow row = store.snapshot(dataset, snapshot);
            Optional<RunRow> done = store.successfulRun(row);
            if (done.isEmpty()) {
                Optional<RunRow> failedBefore = store.latestFailedRun(row);
                if (failedBefore.isPresent() && !backoff.due(row.id())) {
                    LOG.debug("{}: snapshot {} failed before, not tried again yet", dataset.name(), snapshot.id());
                    break;
                }
                Evaluated reference = definition.reference().kind() == ReferencePolicy.Kind.PREVIOUS ? previous : baseline;
                RunRow run = evaluate(rules, dataset, snapshot, row, reference, RunTrigger.SCHEDULE, failedBefore);
                evaluated++;
                if (!run.succeeded()) {
                    break;
                }
                done = Optional.of(run);
            }
            previous = new Evaluated(row, done.get());
        }
        if (evaluated > 0) {
            LOG.info("{}: {} snapshot(s) in {}, {} evaluated now", definition.name(), snapshots.size(),
                    definition.source(), evaluated);
        } else {
            LOG.debug("{}: {} snapshot(s), nothing new", definition.name(), snapshots.size());
        }
    }

    /**
     * Evaluates the latest snapshot again, whether it was evaluated before or not.
     *
     * @return the run, or empty when the dataset has no snapshot
     */
    public Optional<RunRow> evaluateLatest(RulesFile rules, RunTrigger trigger) {
        DatasetDefinition definition = rules.dataset();
        DatasetRow dataset = dataset(rules);
        Optional<List<Snapshot>> found = discover(rules, dataset, trigger);
        if (found.isEmpty()) {
            return store.latestRun(dataset);
        }
        List<Snapshot> snapshots = found.get();
        if (snapshots.isEmpty()) {
            return Optional.empty();
        }
        Evaluated reference = null;
        if (definition.reference().kind() == ReferencePolicy.Kind.BASELINE) {
            reference = baseline(rules, dataset, snapshots, trigger).orElse(null);
            if (reference == null) {
                return store.latestRun(dataset);
            }
        } else if (definition.reference().kind() == ReferencePolicy.Kind.PREVIOUS && snapshots.size() > 1) {
            SnapshotRow before = store.snapshot(dataset, snapshots.get(snapshots.size() - 2));
            reference = store.successfulRun(before).map(run -> new Evaluated(before, run)).orElse(null);
        }
        Snapshot latest = snapshots.get(snapshots.size() - 1);
        return Optional.of(evaluate(rules, dataset, latest, store.snapshot(dataset, latest), reference, trigger,
                Optional.empty()));
    }

    /**
     * Stores a run evaluated elsewhere (its report sent to the API) as a scheduled run is stored: its snapshot version,
     * the run with its results, profile and figures, then {@link RunFinished} for metrics and alerts. Its times are
     * the report's; its reference is the stored snapshot of the report's reference name, when the service has one.
     */
    public RunRow record(RulesFile rules, RunReport report, RunTrigger trigger) {
        DatasetRow dataset = dataset(rules);
        SnapshotRow row = store.snapshot(dataset, report.snapshot());
        SnapshotRow reference = report.reference() == null ? null
                : store.snapshotNamed(dataset, report.reference()).orElse(null);
        RunRow run = store.start(dataset, row, reference, trigger, report.startedAt());
        RunRow done;
        try {
            done = store.succeed(run, report, report.finishedAt());
        } catch (RuntimeException e) {
            store.fail(run, describe(e));
            throw e;
        }
        LOG.info("{}: stored snapshot {} evaluated on {}, sent by {} ({} rows, reference {}): {}{} (run {})",
                dataset.name(), report.snapshot().id(), trigger.id(), trigger.startedBy(), report.profile().rows(),
                report.reference(), report.status().id(), report.blocksGate() ? ", blocks the gate" : "", done.id());
        publish(new RunFinished(dataset.name(), done.id(), report.snapshot().id(), report, null, done.finishedAt()));
        return done;
    }

    /** The dataset's row; its runs that an earlier turn could not end are ended now, as failed. */
    private DatasetRow dataset(RulesFile rules) {
        DatasetRow dataset = store.dataset(rules.dataset().name(), rules.file().toString());
        for (RunRow run : store.failUnfinished(dataset, INTERRUPTED)) {
            LOG.warn("{}: run {} was interrupted before its result was stored; it is ended as failed", dataset.name(),
                    run.id());
        }
        return dataset;
    }

    private Optional<List<Snapshot>> discover(RulesFile rules, DatasetRow dataset, RunTrigger trigger) {
        try {
            SourceScan scan = discovery.scan(rules.dataset());
            scan.incomplete().forEach(why -> LOG.debug("{}: snapshot not complete yet, {}", dataset.name(), why));
            scan.unreadable().forEach(why -> unreadable(dataset, why, trigger));
            publishCheck(rules, scan.snapshots());
            return Optional.of(scan.snapshots());
        } catch (RuntimeException e) {
            RunRow run = sameFailureAsLastRun(dataset, describe(e))
                    .orElseGet(() -> store.fail(store.start(dataset, null, null, trigger), describe(e)));
            LOG.warn("{}: run {} failed, will retry: {}", dataset.name(), run.id(), run.error());
            publish(new RunFinished(dataset.name(), run.id(), null, null, run.error(), run.finishedAt()));
            return Optional.empty();
        }
    }

    /** A snapshot discovery cannot look at is one failed run of the dataset (until the reason changes); others go on. */
    private void unreadable(DatasetRow dataset, String error, RunTrigger trigger) {
        if (store.failedRunsWithoutSnapshot(dataset).stream().anyMatch(run -> error.equals(run.error()))) {
            LOG.debug("{}: still unreadable: {}", dataset.name(), error);
            return;
        }
        RunRow run = store.fail(store.start(dataset, null, null, trigger), error);
        LOG.warn("{}: run {} failed, the other snapshots go on: {}", dataset.name(), run.id(), error);
        publish(new RunFinished(dataset.name(), run.id(), null, null, run.error(), run.finishedAt()));
    }

    private void publishCheck(RulesFile rules, List<Snapshot> snapshots) {
        Instant newest = snapshots.stream().map(snapshot -> snapshot.provenance().modifiedAt()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        try {
            checks.publishEvent(new SnapshotsChecked(rules.dataset().name(), Instant.now(), newest, rules.maxSnapshotAge()));
        } catch (RuntimeException e) {
            LOG.error("{}: a listener of the snapshot check failed: {}", rules.dataset().name(), e.toString(), e);
        }
    }

    /** A folder that stays missing is one failed run, not a new one at every turn. */
    private Optional<RunRow> sameFailureAsLastRun(DatasetRow dataset, String error) {
        return store.latestRun(dataset)
                .filter(last -> last.snapshotId() == null && RunStatus.FAILED.id().equals(last.status())
                        && error.equals(last.error()));
    }

    private Optional<Evaluated> baseline(RulesFile rules, DatasetRow dataset, List<Snapshot> snapshots,
                                         RunTrigger trigger) {
        String id = rules.dataset().reference().baseline();
        Optional<Snapshot> pinned = snapshots.stream().filter(s -> s.id().equals(id)).findFirst();
        if (pinned.isEmpty()) {
            var error = new IllegalStateException("expected the baseline snapshot '" + id + "' in "
                    + rules.dataset().source() + " but found none");
            RunRow run = store.fail(store.start(dataset, null, null, trigger), describe(error));
            LOG.warn("{}: run {} failed: {}", dataset.name(), run.id(), run.error());
            publish(new RunFinished(dataset.name(), run.id(), null, null, run.error(), run.finishedAt()));
            return Optional.empty();
        }
        SnapshotRow row = store.snapshot(dataset, pinned.get());
        Optional<RunRow> done = store.successfulRun(row);
        if (done.isEmpty()) {
            RunRow run = evaluate(rules, dataset, pinned.get(), row, null, trigger,
                    RunTrigger.SCHEDULE.equals(trigger) ? store.latestFailedRun(row) : Optional.empty());
            done = run.succeeded() ? Optional.of(run) : Optional.empty();
        }
        return done.map(run -> new Evaluated(row, run));
    }

    /**
     * @param failedBefore the snapshot version's latest failed run, when the schedule tries it again: a failure the
     *                     same as that one is not stored again (the version backs off instead)
     */
    private RunRow evaluate(RulesFile rules, DatasetRow dataset, Snapshot snapshot, SnapshotRow row,
                            Evaluated reference, RunTrigger trigger, Optional<RunRow> failedBefore) {
        RunRow run = store.start(dataset, row, reference == null ? null : reference.snapshot(), trigger);
        try {
            Optional<SnapshotEvaluator.Reference> compared = Optional.empty();
            if (reference != null) {
                CostMeter loading = CostMeter.start();
                compared = store.profile(reference.run())
                        .map(profile -> new SnapshotEvaluator.Reference(reference.snapshot().name(), profile, loading.stop()));
            }
            RunReport report = evaluator.evaluate(rules.dataset(), rules.rules(), snapshot, compared, rules::requireColumns,
                    history.before(dataset, rules.dataset().layout().order(), row), deadline(rules));
            RunRow done = store.succeed(run, report);
            backoff.succeeded(row.id());
            LOG.info("{}: evaluated snapshot {} ({} rows, reference {}): {}{} (run {})", dataset.name(),
                    snapshot.id(), report.profile().rows(), report.reference(), report.status().id(),
                    report.blocksGate() ? ", blocks the gate" : "", done.id());
            publish(new RunFinished(dataset.name(), done.id(), snapshot.id(), report, null, done.finishedAt()));
            return done;
        } catch (RuntimeException | Error e) {
            RunRow failed = store.fail(run, describe(e));
            if (RunTrigger.SCHEDULE.equals(trigger)) {
                Duration wait = backoff.failed(row.id());
                if (failedBefore.filter(before -> failed.error().equals(before.error())).isPresent()) {
                    store.forget(failed);
                    LOG.debug("{}: snapshot {} failed again as in run {}; tried again in {}", dataset.name(),
                            snapshot.id(), failedBefore.get().id(), wait);
                    return failedBefore.get();
                }
            }
            if (e instanceof Error) {
                LOG.error("{}: run {} of snapshot {} failed: {}", dataset.name(), failed.id(), snapshot.id(),
                        failed.error(), e);
            } else {
                LOG.warn("{}: run {} of snapshot {} failed, will retry: {}", dataset.name(), failed.id(), snapshot.id(),
                        failed.error());
            }
            publish(new RunFinished(dataset.name(), failed.id(), snapshot.id(), null, failed.error(),
                    failed.finishedAt()));
            return failed;
        }
    }

    /** The run time allowed from now: the dataset's {@code schedule.max_run_time}, else the service's limit. */
    private RunDeadline deadline(RulesFile rules) {
        Duration limit = rules.maxRunTime() != null ? rules.maxRunTime() : limits.maxRunTime();
        String setting = rules.maxRunTime() != null ? "schedule.max_run_time of " + rules.file()
                : "driftwatch.limits.max-run-time";
        String allowed = DurationText.format(limit);
        return RunDeadline.after(limit, "stopped after " + allowed + ", the limit " + setting + " (" + allowed
                + "); raise it for snapshots this large");
    }

    /** Listeners (metrics, alerts) run in this thread; their failure must not turn a stored run into a failed one. */
    private void publish(RunFinished event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            LOG.error("{}: a listener of run {} failed: {}", event.dataset(), event.runId(), e.toString(), e);
        }
    }

    /** The message of an exception; an {@link Error} (out of memory, a missing class) with its type, which says more. */
    private static String describe(Throwable e) {
        return e.getMessage() == null || e instanceof Error ? e.toString() : e.getMessage();
    }

    /** A snapshot with its successful run: a possible reference. */
    private record Evaluated(SnapshotRow snapshot, RunRow run) {
    }
}
