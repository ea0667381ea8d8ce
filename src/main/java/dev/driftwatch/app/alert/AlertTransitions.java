package dev.driftwatch.app.alert;

import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of a dataset changes in its alerts, compared with the alerts of the run before.
 *
 * @param firing   every alert of the dataset that fires after this run (new and continuing), by labels
 * @param started  the alerts that this run started
 * @param resolved the alerts that this run resolved (with endsAt)
 */
public record AlertTransitions(Map<Map<String, String>, RuleAlert> firing, List<RuleAlert> started,
                               List<RuleAlert> resolved) {
    public AlertTransitions {
        firing = Map.copyOf(firing);
        started = List.copyOf(started);
        resolved = List.copyOf(resolved);
    }

    /**
     * @param previous the alerts firing before the run, by labels (from the previous stored run)
     */
    public static AlertTransitions between(Map<Map<String, String>, RuleAlert> previous, RunReport report,
                                           long runId, Instant at) {
        Map<Map<String, String>, RuleAlert> firing = new LinkedHashMap<>();
        List<RuleAlert> started = new ArrayList<>();
        for (RuleResult result : report.results()) {
            if (!result.status().alerts()) {
                continue; // pass, and skipped (nothing to compare with yet), never fire
            }
            RuleAlert alert = RuleAlert.firing(report.dataset(), result, runId, report.snapshot().id(), at);
            RuleAlert before = previous.get(alert.labels());
            if (before == null) {
                started.add(alert);
                firing.put(alert.labels(), alert);
            } else {
                firing.put(alert.labels(), before.continuedBy(alert));
            }
        }
        return new AlertTransitions(firing, started, resolvedAll(previous, firing, runId, at));
    }

    /** Resolves every previous alert not in {@code firing}. */
    static List<RuleAlert> resolvedAll(Map<Map<String, String>, RuleAlert> previous,
                                       Map<Map<String, String>, RuleAlert> firing, long runId, Instant at) {
        List<RuleAlert> resolved = new ArrayList<>();
        previous.forEach((labels, alert) -> {
            if (!firing.containsKey(labels)) {
                resolved.add(alert.resolvedBy(runId, at));
            }
        });
        return resolved;
    }

    public boolean changed() {
        return !started.isEmpty() || !resolved.isEmpty();
    }
}
