package dev.driftwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.testing.ServiceHttp;
import dev.driftwatch.app.metrics.PimaRuns;
import dev.driftwatch.cli.DriftwatchCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code spark-check --server}: the Spark runner (local[2]) evaluates the shipped pima-03.csv against pima-02.csv and
 * sends the run to a running service (H2), which stores it as a run of its own, from Spark; a token the service does
 * not accept leaves the run unsent and exits 3. The BloodPressure zeros are recounted here from the csv lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkCheckSendsRunTest {
    private static final Path PIMA = PimaRuns.SNAPSHOTS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private SparkSession spark;
    private EmbeddedServer server;
    private Path rules;
    private Path historyRules;

    @BeforeAll
    void start() throws IOException {
        Path folder = Files.createDirectories(work.resolve("rules"));
        rules = Files.writeString(folder.resolve("pima-spark.yaml"), PimaRuns.rulesYaml(PIMA, 0.04)
                .replaceFirst("dataset: pima", "dataset: pima-spark"));
        historyRules = Files.writeString(folder.resolve("pima-spark-history.yaml"), PimaRuns.rulesYaml(PIMA, 0.5)
                .replaceFirst("dataset: pima", "dataset: pima-spark-history")
                + "  - {name: rows-steady, kind: anomaly, metric: row_count, strategy: absolute_change,"
                + " max_increase: 100, min_history: 1, severity: warn}\n");
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "driftwatch.rules", folder.toString()), "test");
        spark = LocalSpark.smallBlocks("driftwatch-send-test").getOrCreate();
    }

    @AfterAll
    void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRunEvaluatedOnSparkIsStoredByTheServiceAsFromSparkAndAWrongTokenExits3() throws IOException {
        Path tokenFile = Files.writeString(work.resolve("api-token"), TestToken.VALUE + "\n");
        Path json = work.resolve("run.json");

        int sent = sparkCheck(new StringWriter(), "--json", json.toString(), "--token-file", tokenFile.toString());

        // 1: vitals-measured fails, 35 of 768 BloodPressure values are 0 (recounted below), more than 4%
        assertThat(sent).isEqualTo(DriftwatchCommand.BLOCKED);
        assertThat(zeros(PIMA.resolve("pima-03.csv"))).isEqualTo(35);
        JsonNode runs = http().get("/api/datasets/pima-spark/runs").get("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.at("/0/trigger").asText()).isEqualTo("spark");
        assertThat(runs.at("/0/startedBy").asText()).isEqualTo("operator");
        assertThat(runs.at("/0/snapshot").asText()).isEqualTo("pima-03.csv");
        JsonNode run = http().get("/api/runs/" + runs.at("/0/id").asLong());
        assertThat(run.get("fingerprint").asText()).isEqualTo(JSON.readTree(json.toFile()).at("/snapshot/provenance/sha256").asText());
        assertThat(run.at("/results/0/rule").asText()).isEqualTo("vitals-measured");
        assertThat(run.at("/results/0/observed").asDouble()).isCloseTo(35.0 / 768, Offset.offset(1e-12));
        String scrape = ServiceHttp.send(HttpRequest.newBuilder(URI.create(http().url("/prometheus")))
                .header("Authorization", TestToken.BEARER)
                .GET()).body();
        assertThat(scrape.lines().filter(line -> line.startsWith("driftwatch_rule_observed{")
                && line.contains("dataset=\"pima-spark\"") && line.contains("rule=\"vitals-measured\"")).toList())
                .singleElement().satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .isCloseTo(35.0 / 768, Offset.offset(1e-12)));

        StringWriter err = new StringWriter();
        int refused = sparkCheck(err, "--token", "not-the-token-0123456789");

        assertThat(refused).isEqualTo(DriftwatchCommand.NOT_SENT);
        assertThat(err.toString().strip()).isEqualTo("driftwatch: the run was not sent: expected a token that the service at "
                + http().url("") + " accepts (--token, --token-file or DRIFTWATCH_TOKEN) but it answered 401: expected "
                + "'Authorization: Bearer <token>' with the API token to POST /api/datasets/pima-spark/reports but found a "
                + "token this service does not know");
        assertThat(http().get("/api/datasets/pima-spark/runs").get("runs")).hasSize(1);
    }

    @Test
    void anomalyRulesOnSparkJudgeAgainstTheServicesHistory() throws IOException {
        Path tokenFile = Files.writeString(work.resolve("history-token"), TestToken.VALUE + "\n");
        Path first = work.resolve("first.json");
        Path second = work.resolve("second.json");

        // pima-01.csv: nothing earlier in the service, so the rule skips; the run is sent and becomes the history
        assertThat(sparkCheckOf(historyRules, "pima-01.csv", "--json", first.toString(), "--token-file", tokenFile.toString()))
                .isEqualTo(DriftwatchCommand.PASSED);
        assertThat(anomaly(first).get("status").asText()).isEqualTo("skipped");
        // pima-03.csv: 768 rows against the service's one earlier value, 256 rows (wc -l: 257 and 769 lines with the
        // header); absolute_change with max_increase 100 allows up to 356, so the rule fails (warn: the gate passes)
        assertThat(sparkCheckOf(historyRules, "pima-03.csv", "--json", second.toString(), "--token-file", tokenFile.toString()))
                .isEqualTo(DriftwatchCommand.PASSED);
        JsonNode judged = anomaly(second);
        assertThat(judged.get("status").asText()).isEqualTo("warn");
        assertThat(judged.get("observed").asDouble()).isEqualTo(768.0);
        assertThat(judged.at("/expected/upper").asDouble()).isEqualTo(356.0);
        assertThat(http().get("/api/datasets/pima-spark-history/runs").get("runs")).hasSize(2);
    }

    private static JsonNode anomaly(Path json) throws IOException {
        for (JsonNode result : JSON.readTree(json.toFile()).get("results")) {
            if (result.get("rule").asText().equals("rows-steady")) {
                return result;
            }
        }
        throw new AssertionError("expected a result of rows-steady in " + json + " but found none");
    }

    private int sparkCheckOf(Path rulesFile, String snapshot, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--rules", rulesFile.toString(), "--snapshot",
                PIMA.resolve(snapshot).toString(), "--server", http().url("")));
        args.addAll(List.of(more));
        return new CommandLine(new SparkCheck()).execute(args.toArray(String[]::new));
    }

    private int sparkCheck(StringWriter err, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--rules", rules.toString(), "--snapshot",
                PIMA.resolve("pima-03.csv").toString(), "--reference", PIMA.resolve("pima-02.csv").toString(),
                "--server", http().url("")));
        args.addAll(List.of(more));
        return new CommandLine(new SparkCheck()).setErr(new PrintWriter(err, true)).execute(args.toArray(String[]::new));
    }

    /** Rows whose third field (BloodPressure) is {@code 0}, counted from the file's lines. */
    private static long zeros(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).filter(line -> line.split(",", -1)[2].equals("0")).count();
    }

    private ServiceHttp http() {
        return new ServiceHttp(server.getPort());
    }
}
