package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run of the Pima snapshot with results of each comparison kind added, shaped and worded as the rule
 * kinds of the engine report them (distribution_shift: a score per column and method, the method as
 * the result's check; unseen_tags: one result per check, out-of-vocabulary share and new tags with their
 * rows as evidence; conflicting_labels: a count of inputs, column = label column; split_leakage: a
 * share of the later split, column = matching mode).
 */
public final class RuleKinds {
    private RuleKinds() {
    }

    public static RunReport withEveryKind(RunReport pima, String dataset) {
        String split = pima.profile().splits().keySet().iterator().next();
        List<RuleResult> results = new ArrayList<>(pima.results());
        results.add(new RuleResult("glucose-stable", "distribution_shift", Severity.WARN, Status.WARN, "Glucose", split,
                0.31, 0.2, "Glucose in " + split + " changed against pima-02.csv: psi 0.310 (a change is reported at 0.2 or more).",
                List.of()).withCheck("psi"));
        results.add(new RuleResult("glucose-stable", "distribution_shift", Severity.WARN, Status.PASS, "Glucose", split,
                0.42, 0.05, "Glucose in " + split + " is consistent with pima-02.csv: ks statistic 0.051, p = 0.42 (0.42 after "
                + "Benjamini–Hochberg over 1 test); a change is reported at 0.05 or below.", List.of())
                .withCheck("ks"));
        results.add(new RuleResult("tags-known", "unseen_tags", Severity.ERROR, Status.PASS, "Outcome", null,
                0.0, 0.05, "0 of 768 rows with a Outcome value carry one outside the vocabulary of 2 tags (aliases resolved).",
                List.of()).withCheck("out_of_vocabulary"));
        results.add(new RuleResult("tags-known", "unseen_tags", Severity.ERROR, Status.FAIL, "Outcome", null,
                2.0, 0.0, "2 tags are new since the reference snapshot: 2 (7), 3 (1); at most 0 allowed.",
                List.of(new Evidence(null, 0, null, Map.of("tag", "2", "rows", "7")),
                        new Evidence(null, 0, null, Map.of("tag", "3", "rows", "1")))).withCheck("new"));
        results.add(new RuleResult("labels-consistent", "conflicting_labels", Severity.ERROR, Status.FAIL, "Outcome",
                null, 3.0, 0.0, "3 inputs appear with different labels; at most 0 allowed.", List.of()));
        results.add(new RuleResult("no-leakage", "split_leakage", Severity.ERROR, Status.FAIL, "exact", split,
                0.25, 0.0, "192 of 768 rows also appear earlier.", List.of()));
        return new RunReport(dataset, pima.snapshot(), null, pima.startedAt(), pima.finishedAt(), pima.profile(), results);
    }
}
