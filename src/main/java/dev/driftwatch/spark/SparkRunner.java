package dev.driftwatch.spark;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.history.MetricHistorySource;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.MergeableRowCheck;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.MissingValuesRule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.rows.ConflictingLabelsRule;
import dev.driftwatch.engine.rule.rows.DuplicateRowsRule;
import dev.driftwatch.engine.rule.rows.SplitLeakageRule;
import dev.driftwatch.engine.run.RowPresence;
import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.run.RuleCost;
import dev.driftwatch.engine.run.RunPhase;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.RunTimings;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.engine.snapshot.ContentFingerprint;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Runs a rules file on Spark and returns the same {@link RunReport} as the local engine. Snapshots are found on the
 * local file system or on any Hadoop file system ({@link SnapshotStore}). One pass over the rows measures the profile
 * per partition by the engine's accumulators and feeds the row checks that need only their partition's rows
 * ({@link SnapshotPass}); the rows are cached only when a rule reads them all again after it. The rules that judge the
 * profile judge it as they do locally, {@code missing_values} adds up what its row check counts in each
 * partition ({@link MissingValuesOnSpark}), {@code duplicate_rows}, {@code conflicting_labels} and
 * {@code split_leakage} group rows with Spark shuffles of fingerprints ({@link DuplicatesOnSpark},
 * {@link ConflictsOnSpark}, {@link SplitLeakageOnSpark}; the {@code near} mode shuffles the engine's LSH band keys and
 * verifies candidates by exact Jaccard similarity, {@link NearLeaksOnSpark}), and the rules whose row checks merge
 * ({@code value_range}, {@code type_consistency}, {@code freshness}, {@code unseen_tags}, {@code target_leakage}: a
 * {@link MergeableRowCheck}) run their own check per partition and merge the parts in a tree
 * ({@link MergedChecksOnSpark}). Each rule judges the figures counted on Spark with its own {@code evaluate}, so
 * results equal the local engine's.
 */
public final class SparkRunner {
    /** The serializer the runner needs; spark-check sets it whatever spark-defaults.conf says. */
    public static final String JAVA_SERIALIZER = "org.apache.spark.serializer.JavaSerializer";

    private final SparkSession spark;
    private final Clock clock;

    /** @throws IllegalArgumentException when the session serializes with Kryo, which cannot move Java records */
    public SparkRunner(SparkSession spark, Clock clock) {
        String serializer = spark.sparkContext().getConf().get("spark.serializer", JAVA_SERIALIZER);
        if (!serializer.equals(JAVA_SERIALIZER)) {
            throw new IllegalArgumentException("expected spark.serializer " + JAVA_SERIALIZER + " (the Spark runner"
                    + " moves Java records between executors, which Spark's Kryo cannot serialize) but found " + serializer);
        }
        this.spark = spark;
        this.clock = clock;
    }

    /**
     * @param rules     the rules file (readable at the same path on every executor)
     * @param snapshot  the snapshot: a folder or a file, laid out as the rules file says
     * @param reference the snapshot to compare with, or a profile stored by {@code --save-profile}, or null
     * @throws SnapshotException when a snapshot cannot be read or holds no rows
     */
    public Run run(RulesFile rules, Path snapshot, Path reference) {
        return run(rules, snapshot.toString(), reference == null ? null : reference.toString());
    }

    /**
     * @param snapshot  a path, or a URI of any Hadoop file system ({@code hdfs://…}, {@code s3a://…})
     * @param reference the same for the snapshot to compare with (or a profile stored by {@code --save-profile}), or null
     */
    public Run run(RulesFile rules, String snapshot, String reference) {
        return run(rules, snapshot, reference, current -> MetricHistorySource.NONE);
    }

    /**
     * As {@link #run(RulesFile, String, String)}, with the history {@code anomaly} rules judge against, given the
     * snapshot found at {@code snapshot}.
     */
    public Run run(RulesFile rules, String snapshot, String reference, Function<Snapshot, MetricHistorySource> history) {
        try {
            return evaluate(rules, snapshot, reference, history);
        } catch (Exception e) {  // Spark's SparkException is checked, though Scala does not declare it
            Optional<SnapshotException> malformed = MalformedRecordException.causeOf(e);
            if (malformed.isPresent()) {
                throw malformed.get();
            }
            throw e;
        }
    }

    private Run evaluate(RulesFile rules, String snapshot, String reference,
                         Function<Snapshot, MetricHistorySource> history) {
        Instant started = clock.instant();
        JvmCostMeter whole = JvmCostMeter.start();
        Map<RunPhase, Cost> phases = new EnumMap<>(RunPhase.class);
        DatasetDefinition dataset = rules.dataset();
        JvmCostMeter phase = JvmCostMeter.start();
        Optional<SnapshotEvaluator.Reference> compared = Optional.ofNullable(reference).map(location -> reference(rules, location));
        Optional<SnapshotProfile> referenceProfile = compared.map(SnapshotEvaluator.Reference::profile);
        referenceProfile.ifPresent(measured -> phases.put(RunPhase.REFERENCE, phase.stop()));
        String referenceId = compared.map(SnapshotEvaluator.Reference::snapshotId).orElse(null);

        JvmCostMeter snapshotPhase = JvmCostMeter.start();
        Located located = located(dataset, snapshot);
        Snapshot current = located.snapshot();
        // the driver hashes the files while the executors read them
        CompletableFuture<Snapshot> hashed = CompletableFuture.supplyAsync(() -> fingerprinted(dataset, located));
        RunPlan plan = planOf(rules, current);
        RunPlan.Loaded loaded = plan.load();
        SnapshotOrder order = new SnapshotOrder(current);
        List<Integer> riding = new ArrayList<>();
        Map<Integer, String> failures = new HashMap<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            try {
                if (SnapshotPass.riderOf(loaded, i, order, new MemoryBudget(dataset.rowMemory())).isPresent()) {
                    riding.add(i);
                }
            } catch (RuntimeException e) {
                failures.put(i, e.toString());
            }
        }
        boolean reread = readAgain(loaded, riding);
        boolean objects = reread && fitsInMemory(current);
        SnapshotRows.Read read = SnapshotRows.read(spark, dataset, located, reread && !objects);
        JavaRDD<PlacedRow> rows = objects ? read.rows().persist(StorageLevel.MEMORY_AND_DISK()) : read.rows();
        SnapshotPass pass = SnapshotPass.over(rows, plan, riding, order);
        try {
            SnapshotProfile profile = pass.profile();
            pass.failures().forEach(failures::putIfAbsent);
            phases.put(RunPhase.SNAPSHOT, snapshotPhase.stop());
            RowPresence.require(dataset, current, profile);
            rules.requireColumns(current, read.columns());
            var context = new EvaluationContext(dataset, current, profile, referenceProfile, clock.instant(),
                    loaded.vocabulary(), history.apply(current));
            var run = new RuleRun(context, rows, read, plan, loaded, pass, failures, order);
            List<RuleResult> results = new ArrayList<>();
            List<RuleCost> costs = new ArrayList<>();
            JvmCostMeter judging = JvmCostMeter.start();
            for (int i = 0; i < rules.rules().size(); i++) {
                results.addAll(judge(rules.rules().get(i), i, run, costs));
            }
            phases.put(RunPhase.RULES, judging.stop());
            var timings = new RunTimings(whole.stop(), phases, costs);
            var report = new RunReport(dataset.name(), joined(hashed), referenceId, started, clock.instant(), profile, results, timings);
            return new Run(report, referenceProfile.orElse(null));
        } finally {
            pass.release();
            if (objects) {
                rows.unpersist(false);
            }
            read.release();
        }
    }

    /** What judging a rule on Spark may need: the run's context, its rows, and what the profile's pass counted. */
    private record RuleRun(EvaluationContext context, JavaRDD<PlacedRow> rows, SnapshotRows.Read read, RunPlan plan,
                           RunPlan.Loaded loaded, SnapshotPass pass, Map<Integer, String> failures,
                           SnapshotOrder order) {
    }

    /**
     * Whether a rule reads every row again after the profile's pass ({@code conflicting_labels}, {@code split_leakage}),
     * so that the rows are worth caching. Evidence read again is a few partitions' first rows: no cache for that.
     */
    private static boolean readAgain(RunPlan.Loaded loaded, List<Integer> riding) {
        List<Rule> rules = loaded.file().rules();
        for (int i = 0; i < rules.size(); i++) {
            if (!riding.contains(i) && readsRows(rules.get(i), loaded)) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsRows(Rule rule, RunPlan.Loaded loaded) {
        try {
            return rule.newRowCheck(loaded.file().dataset(), loaded.vocabulary()).isPresent();
        } catch (RuntimeException e) {  // the rule reports it when judged, reading no rows
            return false;
        }
    }

    /**
     * Whether the snapshot's rows, as objects (about three times the bytes of a csv file), fit in the storage memory
     * the executors have free. Each rule reads the rows again: as cached objects when they fit, else from Spark's
     * columnar cache of the records (at 10M rows, 3 GB of csv, on 4 GB of heap, caching objects spent more time in
     * GC than the passes took).
     */
    private boolean fitsInMemory(Snapshot snapshot) {
        long free = 0;
        for (var memory : scala.jdk.javaapi.CollectionConverters.asJava(spark.sparkContext().getExecutorMemoryStatus()).values()) {
            free += (Long) memory._2();
        }
        return snapshot.provenance().bytes() * 3 < free;
    }

    /** A run's report, and the reference's profile (for the HTML report's charts), or null. */
    public record Run(RunReport report, SnapshotProfile reference) {
    }

    private SnapshotProfile profile(RulesFile rules, Located snapshot) {
        JavaRDD<PlacedRow> rows = SnapshotRows.read(spark, rules.dataset(), snapshot, false).rows();
        SnapshotPass pass = SnapshotPass.over(rows, planOf(rules, snapshot.snapshot()), List.of(), null);
        try {
            SnapshotProfile profile = pass.profile();
            RowPresence.require(rules.dataset(), snapshot.snapshot(), profile);
            return profile;
        } finally {
            pass.release();
        }
    }

    private static RunPlan planOf(RulesFile rules, Snapshot snapshot) {
        return new RunPlan(rules.file().toAbsolutePath().toString(), snapshot.provenance().path());
    }

    /** The rule's results, its cost added to {@code costs}: its Spark jobs as its rows, its judging as evaluation. */
    private List<RuleResult> judge(Rule rule, int index, RuleRun run, List<RuleCost> costs) {
        JvmCostMeter rowsMeter = JvmCostMeter.start();
        Cost rowsCost = null;
        JvmCostMeter evaluation = null;
        EvaluationContext context = run.context();
        try {
            if (run.failures().containsKey(index)) {
                return List.of(RuleResult.error(rule, null, null, "the rule could not be evaluated: "
                        + run.failures().get(index)));
            }
            Rule.RowCheck check = null;
            Optional<Rule.RowCheck> fresh = rule.newRowCheck(context.dataset(), context.vocabulary());
            if (fresh.isPresent()) {
                if (rule instanceof DuplicateRowsRule) {
                    check = DuplicatesOnSpark.check(run.pass(), run.rows(), run.plan(), run.loaded(), index);
                } else if (rule instanceof MissingValuesRule) {
                    check = MissingValuesOnSpark.check(run.pass(), run.loaded(), index, context.snapshot());
                } else if (rule instanceof ConflictingLabelsRule) {
                    check = ConflictsOnSpark.check(run.rows(), context.current().rows(), run.read().columns(),
                            run.plan(), index);
                } else if (rule instanceof SplitLeakageRule) {
                    check = SplitLeakageOnSpark.check(run.rows(), run.plan(), index);
                } else if (fresh.get() instanceof MergeableRowCheck whole) {
                    check = MergedChecksOnSpark.check(run.pass(), index, whole, run.order());
                } else {
                    return List.of(RuleResult.error(rule, null, null, "the Spark runner does not evaluate "
                            + rule.kind() + " rules yet; run driftwatch check for them"));
                }
            }
            rowsCost = rowsMeter.stop();
            evaluation = JvmCostMeter.start();
            List<RuleResult> results = rule.evaluate(context, check);
            return results.isEmpty()
                    ? List.of(RuleResult.error(rule, null, null, "the rule found nothing to check in this snapshot"))
                    : results;
        } catch (Exception e) {  // one rule's failure, a failed Spark job included, never stops the others
            return List.of(RuleResult.error(rule, null, null, "the rule could not be evaluated: " + e));
        } finally {
            costs.add(rowsCost == null ? new RuleCost(rule.name(), rule.kind(), rowsMeter.stop(), Cost.ZERO)
                    : new RuleCost(rule.name(), rule.kind(), rowsCost, evaluation.stop()));
        }
    }

    private static Snapshot joined(CompletableFuture<Snapshot> hashed) {
        try {
            return hashed.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The snapshot with the SHA-256 of its files' bytes, as the local engine's report carries it. */
    private static Snapshot fingerprinted(DatasetDefinition dataset, Located located) {
        Snapshot snapshot = located.snapshot();
        List<SnapshotFile> read = new ArrayList<>();
        for (SnapshotFile file : snapshot.files()) {
            try (InputStream in = located.store().open(file)) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
                read.add(file.read(HexFormat.of().formatHex(sha256.digest())));
            } catch (IOException e) {
                throw new SnapshotException("could not read " + located.store().uriOf(file) + ": " + e.getMessage(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return snapshot.read(read, ContentFingerprint.of(dataset.layout().kind(), read));
    }

    /** A profile stored at the location ({@code --save-profile}, named by its file), else the snapshot there, profiled. */
    private SnapshotEvaluator.Reference reference(RulesFile rules, String location) {
        Optional<SnapshotProfile> stored = SnapshotStore.of(spark, location, clock).storedProfile(location);
        if (stored.isPresent()) {
            return new SnapshotEvaluator.Reference(location.substring(location.lastIndexOf('/') + 1), stored.get());
        }
        Located snapshot = located(rules.dataset(), location);
        return new SnapshotEvaluator.Reference(snapshot.snapshot().id(), profile(rules, snapshot));
    }

    private Located located(DatasetDefinition dataset, String location) {
        SnapshotStore store = SnapshotStore.of(spark, location, clock);
        return new Located(store.locate(dataset, location), store);
    }
}
