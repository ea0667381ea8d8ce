package dev.driftwatch.app.alert;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends rule alerts to Alertmanager's API v2 ({@code POST /api/v2/alerts}): firing alerts without
 * endsAt (Alertmanager keeps them for its resolve_timeout, so they are sent again regularly), resolved
 * ones with endsAt. The generator URL and the {@code run_url} annotation link to the run in the REST API.
 * Thread-safe.
 */
public final class AlertmanagerClient {
    private final URI alertsUrl;
    private final AlertLinks links;
    private final JsonDelivery delivery;

    public AlertmanagerClient(URI alertmanagerUrl, URI publicUrl, Duration timeout) {
        this(alertmanagerUrl, new AlertLinks(publicUrl, null), timeout);
    }

    public AlertmanagerClient(URI alertmanagerUrl, AlertLinks links, Duration timeout) {
        this.alertsUrl = URI.create(stripSlash(alertmanagerUrl.toString()) + "/api/v2/alerts");
        this.links = links;
        this.delivery = new JsonDelivery(timeout);
    }

    /** @return true when Alertmanager accepted them (or there was nothing to send) */
    public boolean send(Collection<RuleAlert> alerts) {
        return alerts.isEmpty() || delivery.post(alertsUrl, alerts.stream().map(this::body).toList());
    }

    Map<String, Object> body(RuleAlert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("labels", alert.labels());
        body.put("annotations", annotations(alert, links));
        body.put("startsAt", alert.startsAt().toString());
        if (alert.resolved()) {
            body.put("endsAt", alert.endsAt().toString());
        }
        body.put("generatorURL", links.run(alert.runId()));
        return body;
    }

    /**
     * summary, description, observed, threshold, snapshot, run_url, runbook_url and dashboard_url (when Grafana's
     * address is set): all strings, as Alertmanager wants.
     */
    static Map<String, String> annotations(RuleAlert alert, AlertLinks links) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", alert.summary());
        annotations.put("description", alert.description());
        if (alert.observed() != null) {
            annotations.put("observed", String.valueOf(alert.observed()));
        }
        if (alert.threshold() != null) {
            annotations.put("threshold", String.valueOf(alert.threshold()));
        }
        if (alert.snapshotId() != null) {
            annotations.put("snapshot", alert.snapshotId());
        }
        annotations.put("run_url", links.run(alert.runId()));
        annotations.put("runbook_url", links.runbook(RuleAlert.ALERT_NAME));
        String dashboard = links.dashboard(alert.dataset());
        if (dashboard != null) {
            annotations.put("dashboard_url", dashboard);
        }
        return annotations;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
