package dev.driftwatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.testing.ServiceHttp;
import dev.driftwatch.app.metrics.PimaRuns;
import dev.driftwatch.cli.DriftwatchCommand;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /api/datasets/{name}/reports} over real HTTP on one database: two Pima snapshots evaluated by the real
 * engine in {@code driftwatch check --json --server URL --send} (pima-01.csv, then pima-03.csv), stored by the service
 * as runs of its own, seen in the run list, the run, the history, {@code /prometheus} and an alert's webhook. The expected figures are
 * recounted here from the csv lines: the rows, and the {@code 0}s in column 3 (BloodPressure), which the rules file
 * declares missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SentReportsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METRICS_TOKEN = "metrics-token-0123456789abcdef";

    /** Unique per test run: a shared PostgreSQL database may hold datasets of earlier runs. */
    private final String dataset = "sent-" + UUID.randomUUID().toString().substring(0, 8);
    private final String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path root = TemporaryFolders.create("driftwatch-sent-reports");
    private final Map<String, int[]> recounted = new HashMap<>();
    private final List<Integer> exits = new ArrayList<>();
    private final List<JsonNode> alertPosts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private com.sun.net.httpserver.HttpServer webhook;
    private EmbeddedServer server;
    private String report;

    /** The datasource properties of the database under test. */
    abstract Map<String, Object> database();

    @BeforeAll
    void sendTwoRuns() throws IOException {
        Path cluster = Files.createDirectories(root.resolve("cluster"));
        Path rules = Files.createDirectories(root.resolve("rules"));
        for (String name : List.of(dataset, other)) {
            Files.writeString(rules.resolve(name + ".yaml"), PimaRuns.rulesYaml(cluster, 0.04)
                    .replaceFirst("dataset: pima", "dataset: " + name).replaceFirst("settle: 0s", "settle: 0s\norder: name"));
        }
        webhook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            alertPosts.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        Map<String, Object> properties = new HashMap<>(database());
        properties.putAll(Map.of("micronaut.server.port", -1, "driftwatch.rules", rules.toString(),
                "driftwatch.security.metrics-token", METRICS_TOKEN,
                "driftwatch.alerts.webhook-url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"));
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        for (String snapshot : List.of("pima-01.csv", "pima-03.csv")) {
            Path copy = Files.copy(PimaRuns.SNAPSHOTS.resolve(snapshot), cluster.resolve(snapshot));
            recounted.put(snapshot, recount(copy));
            Path json = root.resolve(snapshot + ".json");
            exits.add(DriftwatchCommand.execute("check", "--rules", rules.resolve(dataset + ".yaml").toString(),
                    "--snapshot", copy.toString(), "--json", json.toString(), "--server", http().url(""), "--send",
                    "--token", TestToken.VALUE));
            report = Files.readString(json);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    @Test
    void bothRunsAreSentAndTheGateStillSpeaks() {
        // pima-01.csv: 9 of 256 BloodPressure zeros, 0.035 <= 0.04 passes; pima-03.csv: 35 of 768, 0.046 blocks
        assertThat(recounted.get("pima-01.csv")).containsExactly(256, 9);
        assertThat(recounted.get("pima-03.csv")).containsExactly(768, 35);
        assertThat(exits).containsExactly(DriftwatchCommand.PASSED, DriftwatchCommand.BLOCKED);
    }

    @Test
    void theSentRunsAreListedNewestFirstSayingTheyCameFromTheCliAndWhoSentThem() throws IOException {
        JsonNode page = http().get("/api/datasets/" + dataset + "/runs");

        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("runs")).extracting(run -> run.get("snapshot").asText())
                .containsExactly("pima-03.csv", "pima-01.csv");
        for (JsonNode run : page.get("runs")) {
            assertThat(run.get("trigger").asText()).isEqualTo("cli");
            assertThat(run.get("startedBy").asText()).isEqualTo("operator");
            assertThat(run.get("status").asText()).isEqualTo("succeeded");
        }
        JsonNode latest = http().get("/api/runs/" + page.at("/runs/0/id").asLong());
        assertThat(latest.get("outcome").asText()).isEqualTo("fail");
        assertThat(latest.get("blocksGate").asBoolean()).isTrue();
        assertThat(latest.get("fingerprint").asText()).isEqualTo(JSON.readTree(report).at("/snapshot/provenance/sha256").asText());
        JsonNode vitals = null;
        for (JsonNode result : latest.get("results")) {
            if (result.get("rule").asText().equals("vitals-measured")) {
                vitals = result;
            }
        }
        assertThat(vitals).isNotNull();
        assertThat(vitals.get("status").asText()).isEqualTo("fail");
        assertThat(vitals.get("observed").asDouble()).isCloseTo(35.0 / 768, Offset.offset(1e-12));
    }

    @Test
    void theHistoryHoldsTheFiguresOfBothSentRuns() throws IOException {
        JsonNode rows = http().get("/api/datasets/" + dataset + "/history?metric=row_count");
        JsonNode missing = http().get("/api/datasets/" + dataset + "/history?metric=missing_ratio&column=BloodPressure");

        assertThat(rows.get("points")).extracting(p -> p.get("snapshot").asText() + " " + p.get("value").asDouble())
                .containsExactly("pima-01.csv 256.0", "pima-03.csv 768.0");
        assertThat(missing.get("points")).extracting(p -> p.get("value").asDouble())
                .containsExactly(9.0 / 256, 35.0 / 768);
    }

    @Test
    void prometheusShowsTheRuleMetricsOfTheLatestSentRun() throws IOException {
        String scrape = ServiceHttp.send(HttpRequest.newBuilder(URI.create(http().url("/prometheus")))
                .header("Authorization", "Bearer " + METRICS_TOKEN).GET()).body();

        String labels = "dataset=\"" + dataset + "\"";
        assertThat(series(scrape, "driftwatch_rule_observed", labels, "rule=\"vitals-measured\""))
                .isCloseTo(35.0 / 768, Offset.offset(1e-12));
        assertThat(series(scrape, "driftwatch_rule_status", labels, "rule=\"vitals-measured\"")).isEqualTo(2.0);
        assertThat(series(scrape, "driftwatch_split_rows", labels, "split=\"all\"")).isEqualTo(768.0);
        assertThat(series(scrape, "driftwatch_column_missing_ratio", labels, "column=\"BloodPressure\""))
                .isCloseTo(35.0 / 768, Offset.offset(1e-12));
    }

    @Test
    void theRuleTheSentRunFailsFiresAnAlert() {
        JsonNode alert = dev.driftwatch.app.alert.Await.until(java.time.Duration.ofSeconds(30),
                "the webhook told of vitals-measured firing", () -> alertPosts.stream()
                        .flatMap(post -> java.util.stream.StreamSupport.stream(post.path("alerts").spliterator(), false))
                        .filter(a -> a.at("/labels/dataset").asText().equals(dataset)
                                && a.at("/labels/rule").asText().equals("vitals-measured"))
                        .findFirst());

        assertThat(alert.get("status").asText()).isEqualTo("firing");
    }

    @Test
    void withoutTheApiTokenAReportIs401AndWithTheMetricsToken403AndNothingIsStored() throws IOException {
        HttpResponse<String> anonymous = post("/api/datasets/" + dataset + "/reports?from=spark", report, null);
        HttpResponse<String> metrics = post("/api/datasets/" + dataset + "/reports?from=spark", report, METRICS_TOKEN);

        assertThat(ProblemAnswersTest.problem(anonymous, 401, "Unauthorized").get("detail").asText())
                .isEqualTo("expected 'Authorization: Bearer <token>' with the API token to POST /api/datasets/" + dataset
                        + "/reports but found no token");
        assertThat(ProblemAnswersTest.problem(metrics, 403, "Forbidden").get("detail").asText()).contains("the API token");
        assertThat(http().get("/api/datasets/" + dataset + "/runs").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aReportOfAnotherDatasetIs400SayingWhichAndNothingIsStored() throws IOException {
        HttpResponse<String> response = post("/api/datasets/" + other + "/reports?from=spark", report, TestToken.VALUE);

        assertThat(ProblemAnswersTest.problem(response, 400, "Bad Request").get("detail").asText())
                .isEqualTo("expected a report of dataset '" + other + "' but found one of '" + dataset + "'");
        assertThat(http().get("/api/datasets/" + other + "/runs").get("total").asLong()).isZero();
    }

    @Test
    void aReportWithoutItsProfileStateOrFromWhereIs400NamingWhatIsMissing() throws IOException {
        ObjectNode stripped = (ObjectNode) JSON.readTree(report);
        stripped.remove("profileState");

        HttpResponse<String> noState = post("/api/datasets/" + dataset + "/reports?from=spark", stripped.toString(),
                TestToken.VALUE);
        HttpResponse<String> badFrom = post("/api/datasets/" + dataset + "/reports?from=laptop", report, TestToken.VALUE);

        assertThat(ProblemAnswersTest.problem(noState, 400, "Bad Request").get("detail").asText())
                .isEqualTo("expected text at /profileState but found none");
        assertThat(ProblemAnswersTest.problem(badFrom, 400, "Bad Request").get("detail").asText())
                .isEqualTo("expected from=spark or from=cli but found from=laptop");
        assertThat(http().get("/api/datasets/" + dataset + "/runs").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aResultOfARuleTheServiceDoesNotDeclareIs400NamingIt() throws IOException {
        ObjectNode renamed = (ObjectNode) JSON.readTree(report);
        ((ObjectNode) renamed.at("/results/0")).put("rule", "no-such-rule");

        HttpResponse<String> response = post("/api/datasets/" + dataset + "/reports?from=cli", renamed.toString(),
                TestToken.VALUE);

        assertThat(ProblemAnswersTest.problem(response, 400, "Bad Request").get("detail").asText())
                .startsWith("expected results of the rules ").contains(dataset + ".yaml")
                .endsWith(" declares but found rule 'no-such-rule'");
        assertThat(http().get("/api/datasets/" + dataset + "/runs").get("total").asLong()).isEqualTo(2);
    }

    /** Rows, and rows whose third field (BloodPressure) is {@code 0}, counted from the file's lines. */
    private static int[] recount(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int zeros = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.split(",", -1)[2].equals("0")) {
                zeros++;
            }
        }
        return new int[] {lines.size() - 1, zeros};
    }

    private static double series(String scrape, String name, String... labels) {
        List<Double> values = scrape.lines().filter(line -> line.startsWith(name + "{"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).toList();
        assertThat(values).as(name + " " + List.of(labels) + " in\n" + scrape).hasSize(1);
        return values.get(0);
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http().url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return ServiceHttp.send(request);
    }

    private ServiceHttp http() {
        return new ServiceHttp(server.getPort());
    }
}
