package dev.driftwatch.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.driftwatch.app.alert.Await;
import dev.driftwatch.app.alert.ExternalProcess;
import dev.driftwatch.app.alert.HttpJson;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gauges and alert states come back after a restart, from the H2 database the first start wrote. */
class MetricsRestartTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private HttpServer webhook;
    private final List<JsonNode> posts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startWebhook() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            posts.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stopWebhook() {
        webhook.stop(0);
    }

    // pima-03.csv fails vitals-measured (35/768 zeros in BloodPressure > 0.04, awk); pima-01.csv passes (9/256).
    @Test
    void gaugesAndFiringAlertsSurviveARestartAndARemovedRuleDisappears() throws Exception {
        Path snapshots = Files.createDirectories(tmp.resolve("snapshots"));
        Files.copy(PimaRuns.SNAPSHOTS.resolve("pima-03.csv"), snapshots.resolve("pima-03.csv"));
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("pima.yaml"), PimaRuns.rulesYaml(snapshots, 0.04));

        try (EmbeddedServer first = start(rules)) {
            String url = "http://127.0.0.1:" + first.getPort() + "/prometheus";
            Await.until(LIMIT, "the first run's rule status", () -> status(HttpJson.text(url), "vitals-measured"));
            Await.until(LIMIT, "the webhook told of the failing rule", () -> posts.isEmpty() ? Optional.empty() : Optional.of(true));
        }
        posts.clear();

        try (EmbeddedServer second = start(rules)) {
            String url = "http://127.0.0.1:" + second.getPort() + "/prometheus";
            String restored = HttpJson.text(url);
            assertThat(status(restored, "vitals-measured")).contains("2");
            // the first start stored one successful run; the counter carries on from it
            assertThat(RunMetricsPublisherTest.value(restored, "driftwatch_runs_total", "outcome=\"succeeded\"")).isEqualTo(1.0);
            assertThat(RunMetricsPublisherTest.value(restored, "driftwatch_runs_total", "outcome=\"failed\"")).isZero();
            assertThat(RunMetricsPublisherTest.value(restored, "driftwatch_column_missing_ratio", "column=\"BloodPressure\""))
                    .isCloseTo(35.0 / 768, org.assertj.core.data.Offset.offset(1e-9));

            Files.writeString(rules.resolve("pima.yaml"), PimaRuns.rulesYaml(snapshots, 0.04)
                    .replaceFirst("(?s)  - name: lab-values-measured.*", ""));
            Await.until(LIMIT, "the removed rule's series gone",
                    () -> HttpJson.text(url).contains("lab-values-measured") ? Optional.empty() : Optional.of(true));

            assertABrokenRulesFileKeepsTheResultsAndAReAddedOneShowsThemAtOnce(rules, snapshots, url);

            Files.copy(PimaRuns.SNAPSHOTS.resolve("pima-01.csv"), snapshots.resolve("pima-04.csv"));
            JsonNode resolved = Await.until(LIMIT, "the webhook told of the resolved rule",
                    () -> posts.stream().filter(post -> post.get("alerts").toString().contains("vitals-measured")).findFirst());
            // the post may also resolve what the re-added file's stored results brought back (delivered asynchronously);
            // the failing rule itself is resolved exactly once, and nothing in the post fires
            assertThat(resolved.get("alerts")).extracting(alert -> alert.get("status").asText()).containsOnly("resolved");
            assertThat(resolved.get("alerts")).filteredOn(alert -> alert.get("labels").get("rule").asText()
                    .equals("vitals-measured")).hasSize(1);
        }
    }

    private void assertABrokenRulesFileKeepsTheResultsAndAReAddedOneShowsThemAtOnce(Path rules, Path snapshots, String url)
            throws IOException {
        Await.until(LIMIT, "the webhook told of the removed rule's resolved alert", () -> posts.stream()
                .filter(post -> post.get("alerts").toString().contains("lab-values-measured")).findFirst());
        posts.clear();
        Path file = rules.resolve("pima.yaml");
        String valid = Files.readString(file);
        Files.writeString(file, "dataset: pima\nsource: [unclosed\n");
        Await.until(LIMIT, "driftwatch_rules_file_valid 0", () -> validity(HttpJson.text(url)).filter(v -> v == 0.0));
        String broken = HttpJson.text(url);
        assertThat(status(broken, "vitals-measured")).as("the latest stored result still fails").contains("2");
        assertThat(posts).as("nothing resolved by a broken file").isEmpty();

        Files.writeString(file, valid);
        Await.until(LIMIT, "driftwatch_rules_file_valid 1", () -> validity(HttpJson.text(url)).filter(v -> v == 1.0));
        assertThat(status(HttpJson.text(url), "vitals-measured")).contains("2");

        Files.delete(file);
        Await.until(LIMIT, "the removed dataset's series gone", () -> status(HttpJson.text(url), "vitals-measured").isEmpty()
                ? Optional.of(true) : Optional.empty());
        Files.writeString(file, valid);
        Await.until(LIMIT, "the re-added dataset's stored results shown without a new snapshot",
                () -> status(HttpJson.text(url), "vitals-measured").filter("2"::equals));
        assertThat(snapshots.resolve("pima-04.csv")).doesNotExist();
        // its alerts resolved with the deleted file: the stored result that still fails fires again
        Await.until(LIMIT, "the webhook told that the re-added dataset's failing rule fires again", () -> posts.stream()
                .filter(post -> post.get("alerts").toString().contains("vitals-measured")
                        && post.get("alerts").toString().contains("\"firing\"")).findFirst());
        posts.clear();
    }

    private static Optional<Double> validity(String scrape) {
        return scrape.lines().filter(line -> line.startsWith("driftwatch_rules_file_valid{") && line.contains("dataset=\"pima\""))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst();
    }

    private EmbeddedServer start(Path rules) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", ExternalProcess.freePort(),
                "datasources.default.url", "jdbc:h2:file:" + tmp.resolve("db/driftwatch"),
                "driftwatch.rules", rules.toString(),
                "driftwatch.data-roots", tmp + "," + Path.of("").toAbsolutePath(),
                "driftwatch.scheduler.enabled", "true",
                "driftwatch.tick", "1s",
                "driftwatch.interval", "1s",
                "driftwatch.alerts.webhook-url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"));
    }

    private static Optional<String> status(String scrape, String rule) {
        return scrape.lines().filter(line -> line.startsWith("driftwatch_rule_status{") && line.contains("rule=\"" + rule + "\""))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1).replace(".0", "")).findFirst();
    }
}
