package dev.driftwatch.app.alert;

import dev.driftwatch.app.events.DatasetCatalogChanged;
import dev.driftwatch.app.events.RunFinished;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns state changes of rule results into alerts: when a result warns, fails or errs its alert fires, when it
 * passes again or is skipped (or its rule or dataset is removed) the alert resolves; a skipped result (no
 * reference yet) never fires. Every run's alerts are compared
 * with those of the dataset's previous run, which at start-up are rebuilt from the stored runs
 * ({@link #restore}), so a restart neither repeats nor forgets a change. Alertmanager gets every firing
 * alert of the run's dataset plus the resolved ones, and all firing alerts again every
 * {@code driftwatch.alerts.repeat-interval}; the webhook gets only the changes. Thread-safe.
 */
@Singleton
public final class RuleAlertPublisher {
    private final Optional<AlertmanagerClient> alertmanager;
    private final Optional<WebhookClient> webhook;
    private final Clock clock;
    private final Map<String, Map<Map<String, String>, RuleAlert>> firingByDataset = new HashMap<>();

    public RuleAlertPublisher(AlertsConfiguration config,
                              @Value("${driftwatch.public-url:`http://localhost:8080`}") URI publicUrl) {
        this(Optional.ofNullable(config.alertmanagerUrl()).map(url -> new AlertmanagerClient(url, publicUrl, config.timeout())),
                Optional.ofNullable(config.webhookUrl()).map(url -> new WebhookClient(url, publicUrl, config.timeout())),
                Clock.systemUTC());
    }

    RuleAlertPublisher(Optional<AlertmanagerClient> alertmanager, Optional<WebhookClient> webhook, Clock clock) {
        this.alertmanager = alertmanager;
        this.webhook = webhook;
        this.clock = clock;
    }

    @EventListener
    public void onRunFinished(RunFinished run) {
        if (!run.succeeded()) {
            return; // a failed run says nothing about the rules; its own alert comes from the metrics
        }
        AlertTransitions transitions;
        synchronized (this) {
            transitions = AlertTransitions.between(firingByDataset.getOrDefault(run.dataset(), Map.of()), run.report(),
                    run.runId(), run.finishedAt());
            firingByDataset.put(run.dataset(), new HashMap<>(transitions.firing()));
        }
        List<RuleAlert> toAlertmanager = new ArrayList<>(transitions.firing().values());
        toAlertmanager.addAll(transitions.resolved());
        alertmanager.ifPresent(client -> client.send(toAlertmanager));
        webhook.ifPresent(client -> client.send(run.dataset(), run.runId(), transitions));
    }

    /** Takes a dataset's firing alerts from its latest stored run, unless a run of it was seen already. */
    public void restore(RunFinished storedRun) {
        if (!storedRun.succeeded()) {
            return;
        }
        synchronized (this) {
            if (firingByDataset.containsKey(storedRun.dataset())) {
                return;
            }
            var transitions = AlertTransitions.between(Map.of(), storedRun.report(), storedRun.runId(),
                    storedRun.finishedAt());
            firingByDataset.put(storedRun.dataset(), new HashMap<>(transitions.firing()));
        }
    }

    /** Resolves the alerts of datasets and rules no longer declared. */
    @EventListener
    public void onCatalogChanged(DatasetCatalogChanged catalog) {
        List<RuleAlert> resolved = new ArrayList<>();
        var now = clock.instant();
        synchronized (this) {
            for (var dataset : firingByDataset.entrySet()) {
                var rules = catalog.rulesByDataset().getOrDefault(dataset.getKey(), java.util.Set.of());
                dataset.getValue().values().removeIf(alert -> {
                    boolean gone = !rules.contains(alert.labels().get("rule"));
                    if (gone) {
                        resolved.add(alert.resolvedBy(alert.runId(), now));
                    }
                    return gone;
                });
            }
            firingByDataset.values().removeIf(Map::isEmpty);
        }
        alertmanager.ifPresent(client -> client.send(resolved));
        webhook.ifPresent(client -> resolved.stream().map(RuleAlert::dataset).distinct().forEach(dataset ->
                client.send(dataset, null, new AlertTransitions(Map.of(), List.of(),
                        resolved.stream().filter(alert -> alert.dataset().equals(dataset)).toList()))));
    }

    /** Sends every firing alert to Alertmanager again, so it does not resolve them on its own. */
    @Scheduled(fixedDelay = "${driftwatch.alerts.repeat-interval:1m}", initialDelay = "5s")
    public void repeat() {
        alertmanager.ifPresent(client -> client.send(firing()));
    }

    /** Every firing alert of every dataset. */
    public synchronized List<RuleAlert> firing() {
        return firingByDataset.values().stream().flatMap(alerts -> alerts.values().stream()).toList();
    }
}
