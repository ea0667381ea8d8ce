package dev.driftwatch.app.alert;

import dev.driftwatch.app.metrics.ResultCheck;
import dev.driftwatch.engine.rule.RuleResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rule result that did not pass, as an alert: its identifying labels (dataset, rule, kind, check,
 * column, split, severity, status), what was observed, the run that showed it, and since when it fires.
 * A change of status (warn to fail) is another label set: the old alert resolves, the new one fires.
 *
 * @param labels   the Alertmanager labels, {@code alertname} included; an absent check, column or split is left out
 * @param startsAt the end of the first run that showed this alert
 * @param endsAt   the end of the run that resolved it, or null while it fires
 */
public record RuleAlert(Map<String, String> labels, String summary, String description, Double observed,
                        Double threshold, long runId, String snapshotId, Instant startsAt, Instant endsAt) {
    public static final String ALERT_NAME = "DriftwatchRuleViolated";

    public RuleAlert {
        labels = Map.copyOf(labels);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(startsAt, "startsAt");
    }

    /** The alert of a result that did not pass, first seen in the given run. */
    public static RuleAlert firing(String dataset, RuleResult result, long runId, String snapshotId, Instant at) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", ALERT_NAME);
        labels.put("dataset", dataset);
        labels.put("rule", result.rule());
        labels.put("kind", result.kind());
        String check = ResultCheck.of(result);
        if (!check.isEmpty()) {
            labels.put("check", check);
        }
        String column = ResultCheck.column(result);
        if (column != null) {
            labels.put("column", column);
        }
        if (result.split() != null) {
            labels.put("split", result.split());
        }
        labels.put("severity", result.severity().id());
        labels.put("status", result.status().id());
        String target = (column == null ? "" : " on " + column)
                + (result.split() == null ? "" : " in split " + result.split());
        String summary = dataset + ": rule " + result.rule() + " " + result.status().id() + "s" + target;
        return new RuleAlert(labels, summary, result.message(), result.observed(), result.threshold(), runId,
                snapshotId, at, null);
    }

    /** The same alert, resolved by the given run. */
    public RuleAlert resolvedBy(long resolvingRunId, Instant at) {
        return new RuleAlert(labels, summary, description, observed, threshold, resolvingRunId, snapshotId, startsAt,
                at.isBefore(startsAt) ? startsAt : at);
    }

    /** The same alert, still firing as shown by a later run: keeps its start, takes the latest observation. */
    public RuleAlert continuedBy(RuleAlert later) {
        return new RuleAlert(labels, later.summary, later.description, later.observed, later.threshold, later.runId,
                later.snapshotId, startsAt, null);
    }

    public boolean resolved() {
        return endsAt != null;
    }

    public String dataset() {
        return labels.get("dataset");
    }
}
