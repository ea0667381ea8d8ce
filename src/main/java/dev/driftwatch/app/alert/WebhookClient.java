package dev.driftwatch.app.alert;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends each change of a dataset's rule alerts to a plain JSON webhook, one POST per run that changed
 * something:
 * (runId and runUrl are null when a change of the rules folder resolved them):
 * <pre>{"dataset": "pima", "runId": 7, "runUrl": "http://.../api/runs/7",
 *  "alerts": [{"status": "firing" | "resolved", "labels": {...}, "annotations": {...},
 *              "startsAt": "...", "endsAt": "..." | null}]}</pre>
 * Thread-safe.
 */
public final class WebhookClient {
    private final URI url;
    private final AlertLinks links;
    private final JsonDelivery delivery;

    public WebhookClient(URI url, URI publicUrl, Duration timeout) {
        this(url, new AlertLinks(publicUrl, null), timeout);
    }

    public WebhookClient(URI url, AlertLinks links, Duration timeout) {
        this.url = url;
        this.links = links;
        this.delivery = new JsonDelivery(timeout);
    }

    /** @param runId the run that changed the alerts, or null when a rules change resolved them */
    public boolean send(String dataset, Long runId, AlertTransitions transitions) {
        return !transitions.changed() || delivery.post(url, body(dataset, runId, transitions));
    }

    Map<String, Object> body(String dataset, Long runId, AlertTransitions transitions) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        transitions.started().forEach(alert -> alerts.add(alert(alert)));
        transitions.resolved().forEach(alert -> alerts.add(alert(alert)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataset", dataset);
        body.put("runId", runId);
        body.put("runUrl", runId == null ? null : links.run(runId));
        body.put("alerts", alerts);
        return body;
    }

    private Map<String, Object> alert(RuleAlert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", alert.resolved() ? "resolved" : "firing");
        body.put("labels", alert.labels());
        body.put("annotations", AlertmanagerClient.annotations(alert, links));
        body.put("startsAt", alert.startsAt().toString());
        body.put("endsAt", alert.resolved() ? alert.endsAt().toString() : null);
        return body;
    }
}
