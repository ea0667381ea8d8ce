package dev.driftwatch.app.alert;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts on a thread of its own, so a slow or hung receiver never holds up a run: each delivery has the
 * clients' timeout, and whatever a receiver did not accept is sent again every {@code retryInterval} until it is.
 * Alertmanager gets every firing alert plus the resolved ones not yet accepted (a resolved alert stays owed until
 * Alertmanager took it, or the same labels fire again); the webhook gets each change once, in order (at most
 * {@link #MAX_OWED_CHANGES} owed; older ones are dropped with a log line). Thread-safe.
 */
final class AlertOutbox implements AutoCloseable {
    static final int MAX_OWED_CHANGES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AlertOutbox.class);

    private final Optional<AlertmanagerClient> alertmanager;
    private final Optional<WebhookClient> webhook;
    private final Supplier<List<RuleAlert>> firing;
    private final Duration retryInterval;
    private final ScheduledExecutorService sender;
    private final Map<Map<String, String>, RuleAlert> owedResolved = new LinkedHashMap<>();
    private final Deque<Change> owedChanges = new ArrayDeque<>();
    private boolean retryPlanned;

    AlertOutbox(Optional<AlertmanagerClient> alertmanager, Optional<WebhookClient> webhook,
                Supplier<List<RuleAlert>> firing, Duration retryInterval) {
        this.alertmanager = alertmanager;
        this.webhook = webhook;
        this.firing = firing;
        this.retryInterval = retryInterval;
        this.sender = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "driftwatch-alerts");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Owes Alertmanager these resolved alerts and the webhook this change, then sends soon. */
    void post(Collection<RuleAlert> started, Collection<RuleAlert> resolved, Change change) {
        synchronized (this) {
            started.forEach(alert -> owedResolved.remove(alert.labels()));
            if (alertmanager.isPresent()) {
                resolved.forEach(alert -> owedResolved.put(alert.labels(), alert));
            }
            if (webhook.isPresent() && change != null && change.transitions().changed()) {
                if (owedChanges.size() == MAX_OWED_CHANGES) {
                    Change dropped = owedChanges.removeFirst();
                    LOG.warn("Webhook unreachable for too long: dropped the change of {} by run {}", dropped.dataset(),
                            dropped.runId());
                }
                owedChanges.addLast(change);
            }
        }
        sendSoon();
    }

    /** Sends every firing alert (and what is owed) soon, on the sender's thread. */
    void sendSoon() {
        if (!sender.isShutdown()) {
            sender.execute(this::send);
        }
    }

    /** Waits until everything asked for so far was tried once; for tests and shutdown. */
    void awaitSent(Duration limit) {
        try {
            sender.submit(() -> { }).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Alert deliveries still running after {}", limit);
        }
    }

    private void send() {
        boolean delivered = sendToAlertmanager() & sendToWebhook();
        if (!delivered) {
            planRetry();
        }
    }

    private boolean sendToAlertmanager() {
        if (alertmanager.isEmpty()) {
            return true;
        }
        List<RuleAlert> resolved;
        synchronized (this) {
            resolved = List.copyOf(owedResolved.values());
        }
        List<RuleAlert> alerts = new ArrayList<>(firing.get());
        alerts.addAll(resolved);
        if (!alertmanager.get().send(alerts)) {
            return false;
        }
        synchronized (this) {
            resolved.forEach(alert -> owedResolved.remove(alert.labels(), alert));
        }
        return true;
    }

    private boolean sendToWebhook() {
        while (webhook.isPresent()) {
            Change next;
            synchronized (this) {
                next = owedChanges.peekFirst();
            }
            if (next == null) {
                return true;
            }
            if (!webhook.get().send(next.dataset(), next.runId(), next.transitions())) {
                return false;
            }
            synchronized (this) {
                owedChanges.remove(next);
            }
        }
        return true;
    }

    private synchronized void planRetry() {
        if (retryPlanned || sender.isShutdown()) {
            return;
        }
        retryPlanned = true;
        sender.schedule(() -> {
            synchronized (this) {
                retryPlanned = false;
            }
            send();
        }, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    /** One change of a dataset's alerts for the webhook; runId null when a rules change made it. */
    record Change(String dataset, Long runId, AlertTransitions transitions) {
    }
}
