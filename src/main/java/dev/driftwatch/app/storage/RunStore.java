package dev.driftwatch.app.storage;

import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.profile.ProfileJson;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.DriftMeasure;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.snapshot.Snapshot;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the scheduler finds and evaluates: datasets, snapshots (once per dataset and
 * version, with the SHA-256 their runs read), runs with their results, profile and headline figures. Thread-safe; callers keep one
 * writer per dataset at a time (see the scheduler).
 */
@Singleton
public class RunStore {
    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);
    /** The name stored beside profile bytes: the engine's {@link ProfileCodec}, format version 1. */
    static final String CODEC = "engine-profile-v1";

    private final DatasetRepository datasets;
    private final SnapshotRepository snapshots;
    private final RunRepository runs;
    private final RuleResultRepository results;
    private final ProfileRepository profiles;
    private final ProfileMetricRepository metrics;
    private final Clock clock;

    public RunStore(DatasetRepository datasets, SnapshotRepository snapshots, RunRepository runs,
                    RuleResultRepository results, ProfileRepository profiles, ProfileMetricRepository metrics,
                    Clock clock) {
        this.datasets = datasets;
        this.snapshots = snapshots;
        this.runs = runs;
        this.results = results;
        this.profiles = profiles;
        this.metrics = metrics;
        this.clock = clock;
    }

    public DatasetRow dataset(String name, String rulesFile) {
        return datasets.findByName(name)
                .orElseGet(() -> datasets.save(new DatasetRow(null, name, rulesFile, now())));
    }

    /**
     * The stored row of this version of the snapshot, stored now (with its provenance) if it is new. A row stored
     * before version keys, of the same name, total size and newest modification time, is this version: it is
     * adopted rather than evaluated again.
     */
    public SnapshotRow snapshot(DatasetRow dataset, Snapshot snapshot) {
        var p = snapshot.provenance();
        Instant modified = micros(p.modifiedAt());
        return snapshots.findByDatasetIdAndVersionKey(dataset.id(), snapshot.version())
                .or(() -> snapshots.findByDatasetIdAndNameAndVersionKeyIsNull(dataset.id(), snapshot.id()).stream()
                        .filter(row -> row.bytes() == p.bytes() && modified != null && modified.equals(row.modifiedAt()))
                        .findFirst().map(row -> snapshots.update(row.withVersionKey(snapshot.version()))))
                .orElseGet(() -> snapshots.save(new SnapshotRow(null, dataset.id(), snapshot.id(), p.sha256(), p.path(),
                        p.bytes(), modified, micros(p.discoveredAt()), StoredJson.write(p.producer()), snapshot.version())));
    }

    /** The latest successful run of a snapshot: when present, the snapshot needs no scheduled evaluation. */
    public Optional<RunRow> successfulRun(SnapshotRow snapshot) {
        return runs.findFirstBySnapshotIdAndStatusOrderByIdDesc(snapshot.id(), RunStatus.SUCCEEDED.id());
    }

    /** The latest failed run of a stored snapshot version. */
    public Optional<RunRow> latestFailedRun(SnapshotRow snapshot) {
        return runs.findFirstBySnapshotIdAndStatusOrderByIdDesc(snapshot.id(), RunStatus.FAILED.id());
    }

    /** The failed runs of a dataset that belong to no snapshot (discovery failed), oldest first. */
    public List<RunRow> failedRunsWithoutSnapshot(DatasetRow dataset) {
        return runs.findByDatasetIdAndStatusOrderByIdAsc(dataset.id(), RunStatus.FAILED.id()).stream()
                .filter(run -> run.snapshotId() == null).toList();
    }

    /** Removes a failed run that repeats an earlier one (it has no results, profile or figures). */
    public void forget(RunRow run) {
        if (!RunStatus.FAILED.id().equals(run.status())) {
            throw new IllegalArgumentException("expected a failed run but run " + run.id() + " is " + run.status());
        }
        runs.deleteById(run.id());
    }

    /** The latest run of a dataset that has ended. */
    public Optional<RunRow> latestRun(DatasetRow dataset) {
        return runs.findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(dataset.id());
    }

    public RunRow start(DatasetRow dataset, @Nullable SnapshotRow snapshot, @Nullable SnapshotRow reference,
                        RunTrigger trigger) {
        return start(dataset, snapshot, reference, trigger, clock.instant());
    }

    /** As {@link #start(DatasetRow, SnapshotRow, SnapshotRow, RunTrigger)}, for a run that started elsewhere at {@code at}. */
    public RunRow start(DatasetRow dataset, @Nullable SnapshotRow snapshot, @Nullable SnapshotRow reference,
                        RunTrigger trigger, Instant at) {
        return runs.save(new RunRow(null, dataset.id(), snapshot == null ? null : snapshot.id(),
                reference == null ? null : reference.id(), trigger.id(), RunStatus.RUNNING.id(), null, false,
                micros(at), null, null, trigger.startedBy(), null));
    }

    /** The latest stored version of the dataset's snapshot of this name (a sent run's reference), if there is one. */
    public Optional<SnapshotRow> snapshotNamed(DatasetRow dataset, String name) {
        return snapshots.findByDatasetIdOrderByName(dataset.id()).stream().filter(row -> row.name().equals(name))
                .reduce((first, second) -> second.id() > first.id() ? second : first);
    }

    /** Stores a run's results, profile and figures, and the SHA-256 of what it read as its snapshot's fingerprint. */
    @Transactional
    public RunRow succeed(RunRow run, RunReport report) {
        return succeed(run, report, clock.instant());
    }

    /** As {@link #succeed(RunRow, RunReport)}, for a run that ended elsewhere at {@code at}. */
    @Transactional
    public RunRow succeed(RunRow run, RunReport report, Instant at) {
        recordContent(run, report.snapshot().fingerprint());
        List<RuleResultRow> rows = new ArrayList<>();
        List<RuleResult> list = report.results();
        for (int i = 0; i < list.size(); i++) {
            RuleResult r = list.get(i);
            DriftMeasure m = r.measure();
            rows.add(new RuleResultRow(null, run.id(), i, r.rule(), r.kind(), r.severity().id(), r.status().id(),
                    r.column(), r.split(), finite(r.observed()), finite(r.threshold()), r.message(),
                    StoredJson.write(r.evidence()), r.check(), m == null ? null : finite(m.statistic()),
                    m == null ? null : finite(m.pValue()), m == null ? null : finite(m.adjustedPValue()),
                    m == null ? null : finite(m.distance()), m == null ? null : m.exact(), m == null ? null : finite(m.error()),
                    r.expected() == null ? null : finite(r.expected().lower()),
                    r.expected() == null ? null : finite(r.expected().upper())));
        }
        results.saveAll(rows);
        SnapshotProfile profile = report.profile();
        profiles.save(new ProfileRow(run.id(), StoredJson.write(ProfileJson.tree(profile)), CODEC,
                ProfileCodec.toBytes(profile)));
        metrics.saveAll(ProfileFigures.of(run.id(), profile));
        return runs.update(run.finished(RunStatus.SUCCEEDED.id(), report.status().id(), report.blocksGate(),
                micros(at), null).withTimings(report.timings() == null ? null : StoredJson.write(report.timings())));
    }

    private void recordContent(RunRow run, String sha256) {
        if (run.snapshotId() == null || sha256 == null) {
            return;
        }
        snapshots.findById(run.snapshotId()).filter(row -> !sha256.equals(row.fingerprint())).ifPresent(row -> {
            if (row.fingerprint() != null) {
                LOG.warn("snapshot {} (row {}) was read with SHA-256 {} where an earlier run read {}: its bytes changed "
                        + "without a change of size or modification time", row.name(), row.id(), sha256, row.fingerprint());
            }
            snapshots.update(row.withFingerprint(sha256));
        });
    }

    public RunRow fail(RunRow run, String error) {
        return runs.update(run.finished(RunStatus.FAILED.id(), null, true, now(), error));
    }

    /**
     * Ends as failed the runs of a dataset still marked running, which only its one writer may do: they
     * were interrupted before they could end (the database went away, the service stopped).
     */
    public List<RunRow> failUnfinished(DatasetRow dataset, String error) {
        return runs.findByDatasetIdAndStatusOrderByIdAsc(dataset.id(), RunStatus.RUNNING.id()).stream()
                .map(run -> fail(run, error)).toList();
    }

    /** The reference profile a run left, if its codec can read it back. */
    public Optional<SnapshotProfile> profile(RunRow run) {
        return profiles.findById(run.id()).flatMap(row -> {
            if (!row.codec().equals(CODEC)) {
                LOG.warn("the profile of run {} was written by codec {}, not {}; it cannot serve as a reference",
                        run.id(), row.codec(), CODEC);
                return Optional.empty();
            }
            try {
                return Optional.of(ProfileCodec.fromBytes(row.state()));
            } catch (IllegalArgumentException e) {
                LOG.warn("the profile of run {} cannot serve as a reference: {}", run.id(), e.getMessage());
                return Optional.empty();
            }
        });
    }

    private Instant now() {
        return micros(clock.instant());
    }

    /** Both databases keep microseconds; stored rows compare equal to the rows this store returns. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** NaN and infinities have no place in SQL columns on every database; they are stored as null. */
    private static Double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }
}
