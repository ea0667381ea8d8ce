package dev.driftwatch.engine.run;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.profile.ProfiledSnapshot;
import dev.driftwatch.engine.rule.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a run cost, as measured by {@link SnapshotEvaluator}. The phases follow one another, so their wall times
 * add up to at most {@code total}'s; a rule's row check runs during the snapshot phase.
 *
 * @param total  wall time from the start of the reference phase (or of the evaluation when there is none) to the
 *               end of judging; CPU time of every thread the run used (reference, reading, profiling, row checks,
 *               rules)
 * @param phases the cost of each phase, in {@link RunPhase} order; no reference phase when the run had no reference
 *               or its cost was not measured
 * @param rules  each rule's cost, in the order the rules are declared
 */
public record RunTimings(Cost total, Map<RunPhase, Cost> phases, List<RuleCost> rules) {
    public RunTimings {
        Objects.requireNonNull(total, "total");
        phases = Collections.unmodifiableMap(phases.isEmpty() ? new EnumMap<>(RunPhase.class) : new EnumMap<>(phases));
        rules = List.copyOf(rules);
    }

    /**
     * @param reference  the reference phase, or null
     * @param reading    the snapshot's pass on the reading thread
     * @param read       the pass's result, with what its other threads cost: the profiling workers' CPU time is the
     *                   snapshot phase's, each row consumer's is its check's (the consumers first, in {@code checks}
     *                   order)
     * @param completed  what completing the row checks after the pass cost: each check's parts are its cost too
     * @param evaluation the whole evaluation on the evaluating thread
     * @param rowChecks  each rule's row check, when it has one (rules with equal checks share one)
     */
    static RunTimings measured(Cost reference, Cost reading, ProfiledSnapshot read, RowCheckCompletion.Completed completed,
                               Cost judging, Cost evaluation, Map<Rule, Cost> evaluations,
                               Map<Rule, Rule.RowCheck> rowChecks, List<Rule.RowCheck> checks) {
        Map<RunPhase, Cost> phases = new EnumMap<>(RunPhase.class);
        if (reference != null) {
            phases.put(RunPhase.REFERENCE, reference);
        }
        long profilingCpu = read.profiling().cpuNanos();
        phases.put(RunPhase.SNAPSHOT, reading.plus(new Cost(0, profilingCpu)));
        phases.put(RunPhase.RULES, judging);
        Map<Rule.RowCheck, Cost> checkCosts = new IdentityHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            Cost completing = completed.byCheck().getOrDefault(checks.get(i), Cost.ZERO);
            checkCosts.put(checks.get(i), read.consumers().get(i).plus(completing));
        }
        Map<Rule.RowCheck, Long> sharers = rowChecks.values().stream()
                .collect(Collectors.groupingBy(check -> check, IdentityHashMap::new, Collectors.counting()));
        List<RuleCost> rules = new ArrayList<>();
        evaluations.forEach((rule, cost) -> {
            Rule.RowCheck check = rowChecks.get(rule);
            Cost rows = check == null ? Cost.ZERO : checkCosts.get(check).share(sharers.get(check).intValue());
            rules.add(new RuleCost(rule.name(), rule.kind(), rows, cost));
        });
        long otherThreadsCpu = profilingCpu + read.consumers().stream().mapToLong(Cost::cpuNanos).sum()
                + completed.onPool().cpuNanos();
        Cost total = evaluation.plus(new Cost(0, otherThreadsCpu));
        return new RunTimings(reference == null ? total : total.plus(reference), phases, rules);
    }

    /** The rules, slowest (by wall time) first. */
    public List<RuleCost> slowestFirst() {
        return rules.stream().sorted(Comparator.comparingLong((RuleCost r) -> r.total().wallNanos()).reversed()).toList();
    }
}
