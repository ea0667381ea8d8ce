package dev.driftwatch.engine.run;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.cost.CostMeter;
import dev.driftwatch.engine.data.OwnThreadConsumer;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.data.RunDeadline;
import dev.driftwatch.engine.data.SplitBySplitConsumer;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.history.MetricHistorySource;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.ProfiledSnapshot;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.spill.MemoryBudget;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Runs one snapshot through the engine: profile it in one pass (rules that need rows watch the same
 * pass, and the same pass computes the SHA-256 the report's snapshot carries), require rows, complete the row
 * checks on every core at once ({@link RowCheckCompletion}) and check the caller's columns, then judge it with every
 * rule. A rule that throws becomes an {@code error} result; it never
 * hides the others. The sorted buffers of a run (the profile's row fingerprints, the row checks' keys) share one
 * budget of the dataset's {@code row_memory}. Meters what the reference, the pass, the judging and each rule cost
 * ({@link RunTimings}). Thread-safe: keeps no state between calls.
 */
public final class SnapshotEvaluator {
    private final Profiler profiler;
    private final Clock clock;
    private final LongFunction<MemoryBudget> budgetOf;
    private final Set<ProfileRequest.EdaOnly> leftOut;

    public SnapshotEvaluator(Profiler profiler, Clock clock) {
        this(profiler, clock, MemoryBudget::new);
    }

    /** @param budgetOf makes a run's shared budget from its dataset's {@code row_memory} in bytes */
    public SnapshotEvaluator(Profiler profiler, Clock clock, LongFunction<MemoryBudget> budgetOf) {
        this(profiler, clock, budgetOf, Set.of());
    }

    private SnapshotEvaluator(Profiler profiler, Clock clock, LongFunction<MemoryBudget> budgetOf,
                              Set<ProfileRequest.EdaOnly> leftOut) {
        this.profiler = profiler;
        this.clock = clock;
        this.budgetOf = budgetOf;
        this.leftOut = Set.copyOf(leftOut);
    }

    /**
     * This evaluator for runs whose profiles nobody sees (a gate that writes no profile nor report): they leave these
     * figures out, but for those a rule reads ({@link Rule#declare}).
     */
    public SnapshotEvaluator leavingOut(Set<ProfileRequest.EdaOnly> figures) {
        return new SnapshotEvaluator(profiler, clock, budgetOf, figures);
    }

    /**
     * @param reference the reference snapshot's id and profile, when there is one
     * @throws dev.driftwatch.engine.snapshot.SnapshotException when the snapshot cannot be read or holds no rows
     */
    public RunReport evaluate(DatasetDefinition dataset, List<Rule> rules, Snapshot snapshot,
                              Optional<Reference> reference) {
        return evaluate(dataset, rules, snapshot, reference, ColumnRequirement.NONE);
    }

    /**
     * As {@link #evaluate(DatasetDefinition, List, Snapshot, Optional)}, and checks the snapshot's columns before
     * any rule judges it.
     *
     * @param columns what the caller requires of the columns; its exception ends the evaluation
     */
    public RunReport evaluate(DatasetDefinition dataset, List<Rule> rules, Snapshot snapshot,
                              Optional<Reference> reference, ColumnRequirement columns) {
        return evaluate(dataset, rules, snapshot, reference, columns, MetricHistorySource.NONE);
    }

    /**
     * As {@link #evaluate(DatasetDefinition, List, Snapshot, Optional, ColumnRequirement)}, with the earlier values
     * of the dataset's figures for {@code anomaly} rules.
     */
    public RunReport evaluate(DatasetDefinition dataset, List<Rule> rules, Snapshot snapshot,
                              Optional<Reference> reference, ColumnRequirement columns, MetricHistorySource history) {
        return evaluate(dataset, rules, snapshot, reference, columns, history, RunDeadline.NONE);
    }

    /**
     * As {@link #evaluate(DatasetDefinition, List, Snapshot, Optional, ColumnRequirement, MetricHistorySource)}, stopped
     * once the deadline is past: the read notices it between rows, the judging between rules.
     *
     * @throws dev.driftwatch.engine.data.RunCancelledException when the deadline passed
     */
    public RunReport evaluate(DatasetDefinition dataset, List<Rule> rules, Snapshot snapshot,
                              Optional<Reference> reference, ColumnRequirement columns, MetricHistorySource history,
                              RunDeadline deadline) {
        Instant started = clock.instant();
        CostMeter run = CostMeter.start();
        VocabularyLookup vocabulary = vocabularyOf(dataset, snapshot);
        MemoryBudget rowMemory = budgetOf.apply(dataset.rowMemory());
        Map<Rule, Rule.RowCheck> rowChecks = new LinkedHashMap<>();
        Map<Object, Rule.RowCheck> byKey = new LinkedHashMap<>();
        rules.forEach(rule -> rule.newRowCheck(dataset, vocabulary, rowMemory)
                .ifPresent(check -> rowChecks.put(rule, byKey.computeIfAbsent(check.key(), key -> check))));
        List<Consumer<Row>> consumers = new ArrayList<>();
        byKey.values().forEach(check -> consumers.add(consumerOf(check)));
        SnapshotColumns seen = new SnapshotColumns();
        consumers.add(seen);
        Set<RowDerivation<?>> derivations = new LinkedHashSet<>();
        byKey.values().forEach(check -> derivations.addAll(check.derivations()));
        try {
            CostMeter pass = CostMeter.start();
            ProfiledSnapshot read = profiler.read(dataset, snapshot, request(dataset, rules, vocabulary), consumers,
                    List.copyOf(derivations), deadline, rowMemory);
            SnapshotProfile profile = read.profile();
            RowPresence.require(dataset, snapshot, profile);
            RowCheckCompletion.Completed completed = RowCheckCompletion.completeAll(byKey.values());
            revisit(dataset, snapshot, byKey.values());
            columns.check(snapshot, seen.names());
            Cost reading = pass.stop();
            var context = new EvaluationContext(dataset, read.snapshot(), profile, reference.map(Reference::profile),
                    clock.instant(), vocabulary, history);
            Map<Rule, Cost> evaluations = new LinkedHashMap<>();
            CostMeter judging = CostMeter.start();
            List<RuleResult> results = judgeAll(rules, context, rowChecks, evaluations, deadline);
            Cost judged = judging.stop();
            var timings = RunTimings.measured(reference.map(Reference::cost).orElse(null), reading, read, completed, judged,
                    run.stop(), evaluations, rowChecks, List.copyOf(byKey.values()));
            return new RunReport(dataset.name(), read.snapshot(), reference.map(Reference::snapshotId).orElse(null),
                    started, clock.instant(), profile, results, timings);
        } finally {
            byKey.values().forEach(SnapshotEvaluator::release);
        }
    }

    private static Consumer<Row> consumerOf(Rule.RowCheck check) {
        Consumer<Row> consumer = check.takesRowsSplitBySplit() ? (SplitBySplitConsumer) check::accept : check::accept;
        return check.worksAlone() ? new OwnThreadConsumer(consumer) : consumer;
    }

    /** Deletes what a row check keeps in temporary files, also when the run failed before judging it. */
    private static void release(Rule.RowCheck check) {
        if (check instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // temporary files the system clears in time
            }
        }
    }

    /**
     * Only the profile of a snapshot, measured as {@link #evaluate} measures it (so it can be a reference),
     * without row checks or judging.
     */
    public SnapshotProfile profile(DatasetDefinition dataset, List<Rule> rules, Snapshot snapshot) {
        return reference(dataset, rules, snapshot).profile();
    }

    /**
     * A snapshot profiled as {@link #profile} does, as the reference of a run, with what it cost: the wall time, and
     * the CPU time of the calling thread (reading, parsing) and of the profiling workers.
     */
    public Reference reference(DatasetDefinition dataset, List<Rule> rules, Snapshot snapshot) {
        CostMeter meter = CostMeter.start();
        ProfiledSnapshot read = profiler.read(dataset, snapshot, request(dataset, rules, vocabularyOf(dataset, snapshot)),
                List.of());
        RowPresence.require(dataset, snapshot, read.profile());
        Cost cost = meter.stop().plus(new Cost(0, read.profiling().cpuNanos()));
        return new Reference(snapshot.id(), read.profile(), cost);
    }

    /**
     * Reads again, up to the last of them, the rows the row checks name in evidence. A check whose rows cannot be read
     * again shows fewer rows in evidence; its counts do not change.
     */
    private void revisit(DatasetDefinition dataset, Snapshot snapshot, Collection<Rule.RowCheck> checks) {
        List<Rule.RowCheck> wanting = new ArrayList<>();
        List<long[]> wanted = new ArrayList<>();
        long last = -1;
        for (Rule.RowCheck check : checks) {
            long[] rows;
            try {
                rows = check.rowsToRevisit();
            } catch (RuntimeException e) {
                continue; // the check reports its failure when judged
            }
            if (rows.length > 0) {
                wanting.add(check);
                wanted.add(rows);
                last = Math.max(last, rows[rows.length - 1]);
            }
        }
        if (wanting.isEmpty()) {
            return;
        }
        int[] next = new int[wanting.size()];
        long end = last;
        try {
            profiler.reread(dataset, snapshot, (number, row) -> {
                for (int i = 0; i < next.length; i++) {
                    long[] rows = wanted.get(i);
                    if (next[i] < rows.length && rows[next[i]] == number) {
                        wanting.get(i).revisit(number, row);
                        next[i]++;
                    }
                }
                return number < end;
            });
        } catch (RuntimeException e) {
            // the evidence shows the rows read before the failure
        }
    }

    private static VocabularyLookup vocabularyOf(DatasetDefinition dataset, Snapshot snapshot) {
        return VocabularyLookup.of(dataset.vocabulary(), Path.of(snapshot.provenance().path()));
    }

    private ProfileRequest request(DatasetDefinition dataset, List<Rule> rules, VocabularyLookup vocabulary) {
        ProfileRequest.Builder request = ProfileRequest.builder(dataset.columns()).exactValuesLimit(dataset.exactValuesLimit())
                .leaveOut(leftOut);
        vocabulary.vocabulary().ifPresent(request::vocabulary);
        rules.forEach(rule -> rule.declare(request));
        return request.build();
    }

    /** Judges with every rule in turn; puts what each one's judging cost in {@code evaluations}. */
    private static List<RuleResult> judgeAll(List<Rule> rules, EvaluationContext context,
                                             Map<Rule, Rule.RowCheck> rowChecks, Map<Rule, Cost> evaluations,
                                             RunDeadline deadline) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : rules) {
            deadline.check();
            CostMeter meter = CostMeter.start();
            results.addAll(judge(rule, context, rowChecks.get(rule)));
            evaluations.put(rule, meter.stop());
        }
        return results;
    }

    private static List<RuleResult> judge(Rule rule, EvaluationContext context, Rule.RowCheck rowCheck) {
        try {
            List<RuleResult> results = rule.evaluate(context, rowCheck);
            return results.isEmpty()
                    ? List.of(RuleResult.error(rule, null, null, "the rule found nothing to check in this snapshot"))
                    : results;
        } catch (RuntimeException e) {
            return List.of(RuleResult.error(rule, null, null, "the rule could not be evaluated: " + e));
        }
    }

    /**
     * The snapshot a run is compared with.
     *
     * @param cost what reading and profiling it (or loading its stored profile) cost, or null when not measured
     */
    public record Reference(String snapshotId, SnapshotProfile profile, Cost cost) {
        /** A reference whose cost was not measured. */
        public Reference(String snapshotId, SnapshotProfile profile) {
            this(snapshotId, profile, null);
        }
    }
}
