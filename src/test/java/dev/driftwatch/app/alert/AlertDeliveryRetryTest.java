package dev.driftwatch.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.driftwatch.app.events.RunFinished;
import dev.driftwatch.app.metrics.PimaRuns;
import dev.driftwatch.engine.run.RunReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries leave on their own thread, with a timeout, and what a receiver refused is sent again. */
class AlertDeliveryRetryTest {
    private static final URI PUBLIC = URI.create("http://driftwatch.example:8080/");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tempDir;

    private HttpServer receiver;
    private RuleAlertPublisher publisher;
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private final List<JsonNode> webhookAccepted = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.close();
        }
        receiver.stop(0);
    }

    @Test
    void aHungAlertmanagerNeverHoldsUpTheRunThatFiredTheAlert() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/api/v2/alerts", exchange -> {
            sleep(Duration.ofSeconds(5)); // hangs longer than the 1 s timeout
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
        publisher = publisherTo(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()), Duration.ofSeconds(1));
        RunReport report = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);

        long start = System.nanoTime();
        publisher.onRunFinished(new RunFinished("pima", 11, "pima-03.csv", report, null, report.finishedAt()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void firingAndResolvedAlertsThatAlertmanagerAndTheWebhookRefusedAreSentAgainUntilAccepted() throws IOException {
        AtomicInteger refusalsLeft = new AtomicInteger(0);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/api/v2/alerts", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            if (refusalsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                accepted.add(body);
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        receiver.createContext("/hook", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            if (refusalsLeft.get() > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                webhookAccepted.add(body);
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
        URI base = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort());
        publisher = new RuleAlertPublisher(Optional.of(new AlertmanagerClient(base, PUBLIC, Duration.ofSeconds(2))),
                Optional.of(new WebhookClient(base.resolve("/hook"), PUBLIC, Duration.ofSeconds(2))), Clock.systemUTC(),
                Duration.ofMillis(200));

        // pima-03.csv fails vitals-measured (35/768 zeros > 0.04, awk); Alertmanager refuses the first two posts
        refusalsLeft.set(2);
        publish(11, "pima-03.csv");
        JsonNode firing = Await.until(Duration.ofSeconds(10), "the firing alert accepted after two refusals",
                () -> find(accepted, "vitals-measured", false));
        assertThat(firing.get("labels").get("status").asText()).isEqualTo("fail");

        // pima-01.csv passes it (9/256 = 0.035, awk): the resolved alert is refused three times, then taken
        refusalsLeft.set(3);
        RunFinished passing = publish(12, "pima-01.csv");
        JsonNode resolved = Await.until(Duration.ofSeconds(10), "the resolved alert accepted after three refusals",
                () -> find(accepted, "vitals-measured", true));
        assertThat(resolved.get("endsAt").asText()).isEqualTo(passing.finishedAt().toString());
        Await.until(Duration.ofSeconds(10), "both webhook changes, in order", () -> webhookAccepted.size() == 2
                ? Optional.of(true) : Optional.empty());
        assertThat(webhookAccepted.get(1).get("runId").asLong()).isEqualTo(12);

        // once accepted, a resolved alert is not sent again
        int before = accepted.size();
        publisher.repeat();
        publisher.awaitDeliveries(Duration.ofSeconds(5));
        assertThat(accepted.subList(before, accepted.size()))
                .allSatisfy(post -> assertThat(find(List.of(post), "vitals-measured", true)).isEmpty());
    }

    private RunFinished publish(long runId, String snapshot) {
        RunReport report = PimaRuns.evaluate(tempDir, snapshot, 0.04);
        RunFinished run = new RunFinished("pima", runId, snapshot, report, null, report.finishedAt());
        publisher.onRunFinished(run);
        return run;
    }

    private RuleAlertPublisher publisherTo(URI alertmanager, Duration timeout) {
        return new RuleAlertPublisher(Optional.of(new AlertmanagerClient(alertmanager, PUBLIC, timeout)), Optional.empty(),
                Clock.systemUTC(), Duration.ofSeconds(30));
    }

    private static Optional<JsonNode> find(List<JsonNode> posts, String rule, boolean resolved) {
        for (JsonNode post : posts) {
            for (JsonNode alert : post) {
                if (alert.get("labels").get("rule").asText().equals(rule) && alert.has("endsAt") == resolved) {
                    return Optional.of(alert);
                }
            }
        }
        return Optional.empty();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
