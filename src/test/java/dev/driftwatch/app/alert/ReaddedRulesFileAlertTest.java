package dev.driftwatch.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.driftwatch.app.metrics.PimaRuns;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deleted rules file resolves its dataset's alerts; re-added, what its latest stored run still fails fires again,
 * and both receivers (a real webhook and a stand-in Alertmanager over HTTP) are told, without a new run.
 */
class ReaddedRulesFileAlertTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private HttpServer receiver;
    private final List<JsonNode> webhookPosts = new CopyOnWriteArrayList<>();
    private final List<JsonNode> alertmanagerPosts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            webhookPosts.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/api/v2/alerts", exchange -> {
            alertmanagerPosts.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    // pima-03.csv fails vitals-measured (35/768 zeros in BloodPressure > 0.04, awk) and warns lab-values-measured
    // (227/768 zeros in SkinThickness > 0.10, awk)
    @Test
    void aReaddedRulesFileFiresWhatItsLatestStoredRunStillFailsOfTheRulesItDeclaresNow() throws Exception {
        Path snapshots = Files.createDirectories(tmp.resolve("snapshots"));
        Files.copy(PimaRuns.SNAPSHOTS.resolve("pima-03.csv"), snapshots.resolve("pima-03.csv"));
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Path file = rules.resolve("pima.yaml");
        String yaml = PimaRuns.rulesYaml(snapshots, 0.04);
        Files.writeString(file, yaml);

        try (EmbeddedServer server = start(rules)) {
            JsonNode fired = Await.until(LIMIT, "the webhook told of the failing rule",
                    () -> post("firing", "vitals-measured"));
            long runId = fired.get("runId").asLong();
            assertThat(rulesOf(fired)).containsExactlyInAnyOrder("vitals-measured", "lab-values-measured");

            Files.delete(file);
            JsonNode resolved = Await.until(LIMIT, "the webhook told of the removed dataset's resolved alerts",
                    () -> post("resolved", "vitals-measured"));
            assertThat(rulesOf(resolved)).containsExactlyInAnyOrder("vitals-measured", "lab-values-measured");
            Instant endedAt = Instant.parse(alert(resolved, "vitals-measured").get("endsAt").asText());
            webhookPosts.clear();
            alertmanagerPosts.clear();

            Files.writeString(file, yaml.replaceFirst("(?s)  - name: lab-values-measured.*", ""));
            JsonNode again = Await.until(LIMIT, "the webhook told that the re-added dataset's failing rule fires again",
                    () -> post("firing", "vitals-measured"));

            assertThat(again.get("runId").asLong()).as("the stored run that showed the result").isEqualTo(runId);
            assertThat(again.get("runUrl").asText()).endsWith("/api/runs/" + runId);
            assertThat(rulesOf(again)).as("lab-values-measured is no longer declared").containsExactly("vitals-measured");
            JsonNode alert = alert(again, "vitals-measured");
            assertThat(alert.get("status").asText()).isEqualTo("firing");
            assertThat(alert.get("endsAt").isNull()).isTrue();
            assertThat(Instant.parse(alert.get("startsAt").asText())).isAfterOrEqualTo(endedAt);
            // repeat-interval is 10 minutes: Alertmanager hears of it now because the file came back
            Await.until(LIMIT, "Alertmanager given the firing alert again", () -> alertmanagerPosts.stream()
                    .flatMap(post -> stream(post))
                    .filter(a -> a.get("labels").get("rule").asText().equals("vitals-measured") && !a.has("endsAt"))
                    .findFirst());
            assertThat(webhookPosts).as("told once").hasSize(1);
            // one run is stored (pima-03, succeeded): the counter carries on from it, not from 0
            Counter succeeded = server.getApplicationContext().getBean(MeterRegistry.class).find("driftwatch_runs")
                    .tags("dataset", "pima", "outcome", "succeeded").counter();
            assertThat(succeeded).as("driftwatch_runs_total of the re-added dataset").isNotNull();
            assertThat(succeeded.count()).isEqualTo(1.0);
        }
    }

    private Optional<JsonNode> post(String status, String rule) {
        return webhookPosts.stream().filter(post -> stream(post.get("alerts"))
                .anyMatch(a -> a.get("status").asText().equals(status) && a.get("labels").get("rule").asText().equals(rule)))
                .findFirst();
    }

    private static List<String> rulesOf(JsonNode post) {
        List<String> rules = new ArrayList<>();
        post.get("alerts").forEach(a -> rules.add(a.get("labels").get("rule").asText()));
        return rules;
    }

    private static JsonNode alert(JsonNode post, String rule) {
        return stream(post.get("alerts")).filter(a -> a.get("labels").get("rule").asText().equals(rule)).findFirst()
                .orElseThrow();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private EmbeddedServer start(Path rules) {
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", ExternalProcess.freePort(),
                "datasources.default.url", "jdbc:h2:file:" + tmp.resolve("db/driftwatch"),
                "driftwatch.rules", rules.toString(),
                "driftwatch.data-roots", tmp + "," + Path.of("").toAbsolutePath(),
                "driftwatch.scheduler.enabled", "true",
                "driftwatch.tick", "1s",
                "driftwatch.interval", "1s",
                "driftwatch.alerts.webhook-url", base + "/hook",
                "driftwatch.alerts.alertmanager-url", base,
                "driftwatch.alerts.repeat-interval", "10m"));
    }
}
