package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of the Pima snapshot with one result of each comparison kind added, shaped as the rule kinds
 * report them (distribution_shift: a score per column; unseen_tags: a share; conflicting_labels: a
 * count of inputs, column = label column; split_leakage: a share of the later split, column = mode).
 */
public final class RuleKinds {
    private RuleKinds() {
    }

    public static RunReport withEveryKind(RunReport pima, String dataset) {
        String split = pima.profile().splits().keySet().iterator().next();
        List<RuleResult> results = new ArrayList<>(pima.results());
        results.add(new RuleResult("glucose-stable", "distribution_shift", Severity.WARN, Status.WARN, "Glucose", split,
                0.31, 0.2, "psi of Glucose against the reference is 0.31; at most 0.2 allowed.", List.of()));
        results.add(new RuleResult("tags-known", "unseen_tags", Severity.ERROR, Status.PASS, "Outcome", split,
                0.0, 0.05, "0 of 768 tags are unseen.", List.of()));
        results.add(new RuleResult("labels-consistent", "conflicting_labels", Severity.ERROR, Status.FAIL, "Outcome",
                null, 3.0, 0.0, "3 inputs appear with different labels; at most 0 allowed.", List.of()));
        results.add(new RuleResult("no-leakage", "split_leakage", Severity.ERROR, Status.FAIL, "exact", split,
                0.25, 0.0, "192 of 768 rows also appear earlier.", List.of()));
        return new RunReport(dataset, pima.snapshot(), null, pima.startedAt(), pima.finishedAt(), pima.profile(), results);
    }
}
