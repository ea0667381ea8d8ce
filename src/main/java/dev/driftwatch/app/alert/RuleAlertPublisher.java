package dev.driftwatch.app.alert;

import dev.driftwatch.app.events.DatasetCatalogChanged;
import dev.driftwatch.app.events.RunFinished;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns state changes of rule results into alerts: when a result warns, fails or errs its alert fires, when it
 * passes again or is skipped (or its rule or dataset is removed) the alert resolves; a skipped result (no
 * reference yet) never fires. A dataset declared again fires anew what its latest stored run still fails
 * ({@link #reinstate}); a broken rules file changes nothing. Every run's alerts are compared
 * with those of the dataset's previous run, which at start-up are rebuilt from the stored runs
 * ({@link #restore}), so a restart neither repeats nor forgets a change. Deliveries leave on a thread of their own
 * ({@link AlertOutbox}), never the run's: Alertmanager gets every firing alert plus the resolved ones it has not
 * accepted yet, after each run and every {@code driftwatch.alerts.repeat-interval}; the webhook gets each change once.
 * What a receiver refused or did not answer is sent again every {@code driftwatch.alerts.retry-interval}. Thread-safe.
 */
@Singleton
public final class RuleAlertPublisher {
    private final AlertOutbox outbox;
    private final Clock clock;
    private final Map<String, Map<Map<String, String>, RuleAlert>> firingByDataset = new HashMap<>();

    @Inject
    public RuleAlertPublisher(AlertsConfiguration config,
                              @Value("${driftwatch.public-url:`http://localhost:8080`}") URI publicUrl) {
        this(Optional.ofNullable(config.alertmanagerUrl())
                        .map(url -> new AlertmanagerClient(url, new AlertLinks(publicUrl, config.grafanaUrl()), config.timeout())),
                Optional.ofNullable(config.webhookUrl())
                        .map(url -> new WebhookClient(url, new AlertLinks(publicUrl, config.grafanaUrl()), config.timeout())),
                Clock.systemUTC(), config.retryInterval());
    }

    RuleAlertPublisher(Optional<AlertmanagerClient> alertmanager, Optional<WebhookClient> webhook, Clock clock,
                       Duration retryInterval) {
        this.outbox = new AlertOutbox(alertmanager, webhook, this::firing, retryInterval);
        this.clock = clock;
    }

    RuleAlertPublisher(Optional<AlertmanagerClient> alertmanager, Optional<WebhookClient> webhook, Clock clock) {
        this(alertmanager, webhook, clock, Duration.ofSeconds(10));
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
        outbox.post(transitions.started(), transitions.resolved(),
                new AlertOutbox.Change(run.dataset(), run.runId(), transitions));
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

    /**
     * Fires again the alerts of a dataset declared again (its rules file re-added): they resolved when the file went
     * away, so each result of its latest stored run that still does not pass starts firing anew, now, and both
     * receivers are told. Nothing when the dataset has alerts already (a run of it was seen meanwhile).
     *
     * @param declared whether a rule of that name is declared now (a broken file: every rule of the stored run)
     */
    public void reinstate(RunFinished storedRun, Predicate<String> declared) {
        if (!storedRun.succeeded()) {
            return;
        }
        AlertTransitions transitions;
        synchronized (this) {
            if (firingByDataset.containsKey(storedRun.dataset())) {
                return;
            }
            List<RuleAlert> started = AlertTransitions.between(Map.of(), storedRun.report(), storedRun.runId(),
                    clock.instant()).started().stream().filter(alert -> declared.test(alert.labels().get("rule"))).toList();
            Map<Map<String, String>, RuleAlert> firing = new HashMap<>();
            started.forEach(alert -> firing.put(alert.labels(), alert));
            if (firing.isEmpty()) {
                return;
            }
            firingByDataset.put(storedRun.dataset(), firing);
            transitions = new AlertTransitions(firing, started, List.of());
        }
        outbox.post(transitions.started(), List.of(),
                new AlertOutbox.Change(storedRun.dataset(), storedRun.runId(), transitions));
    }

    /** Resolves the alerts of datasets and rules no longer declared; a broken rules file resolves nothing. */
    @EventListener
    public void onCatalogChanged(DatasetCatalogChanged catalog) {
        List<RuleAlert> resolved = new ArrayList<>();
        var now = clock.instant();
        synchronized (this) {
            for (var dataset : firingByDataset.entrySet()) {
                if (catalog.broken().contains(dataset.getKey())) {
                    continue;
                }
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
        resolved.stream().map(RuleAlert::dataset).distinct().forEach(dataset -> outbox.post(List.of(),
                resolved.stream().filter(alert -> alert.dataset().equals(dataset)).toList(),
                new AlertOutbox.Change(dataset, null, new AlertTransitions(Map.of(), List.of(),
                        resolved.stream().filter(alert -> alert.dataset().equals(dataset)).toList()))));
    }

    /** Sends every firing alert to Alertmanager again, so it does not resolve them on its own. */
    @Scheduled(fixedDelay = "${driftwatch.alerts.repeat-interval:1m}", initialDelay = "5s")
    public void repeat() {
        outbox.sendSoon();
    }

    /** Waits until the deliveries asked for so far were tried once (at most {@code limit}). */
    void awaitDeliveries(Duration limit) {
        outbox.awaitSent(limit);
    }

    @PreDestroy
    void close() {
        outbox.awaitSent(Duration.ofSeconds(2));
        outbox.close();
    }

    /** Every firing alert of every dataset. */
    public synchronized List<RuleAlert> firing() {
        return firingByDataset.values().stream().flatMap(alerts -> alerts.values().stream()).toList();
    }
}
