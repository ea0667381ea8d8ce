package dev.driftwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RuleResultRepository;
import dev.driftwatch.app.storage.RuleResultRow;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.engine.rule.Evidence;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The history an anomaly rule sees in the service: the earlier snapshots with a successful run, in snapshot
 * order; a snapshot whose run failed never enters it; and the same history over HTTP
 * ({@code GET /api/datasets/{name}/history}). Row counts are those of the files the test writes. Each database
 * (H2, PostgreSQL) runs it in a subclass; the dataset's name is new on each run, so a kept database does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoredHistoryContract implements TestPropertyProvider {
    private static final String ROWS_JUMP = """
              - name: rows-jump
                kind: anomaly
                severity: error
                metric: row_count
                strategy: absolute_change
                max_increase: 2
                min_history: 3
            """;
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    final Path root = TemporaryFolders.create("driftwatch-history");
    private final TestDatasets data = new TestDatasets(root);
    private final String name = "grow_" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    DatasetWatch watch;
    @Inject
    DatasetRepository datasets;
    @Inject
    RunRepository runs;
    @Inject
    RuleResultRepository results;
    @Inject
    EmbeddedServer server;

    /** The database's settings ({@code datasources.default.*}). */
    abstract Map<String, String> database();

    @Override
    public Map<String, String> getProperties() {
        data.declare(name, ROWS_JUMP);
        Map<String, String> properties = new HashMap<>(database());
        properties.putAll(Map.of("driftwatch.rules", data.rules().toString(), "driftwatch.interval", "1ms",
                "driftwatch.scheduler.enabled", "false", "micronaut.server.port", "-1"));
        return properties;
    }

    @Test
    void onlyEarlierSuccessfulSnapshotsMakeTheHistory() throws Exception {
        snapshot("s1.csv", TestDatasets.HEALTHY, 1);
        watch.tick().join();
        assertThat(rowsJump().status()).isEqualTo("skipped");
        assertThat(rowsJump().message()).isEqualTo("only 0 earlier values of row_count in all; 3 needed.");
        snapshot("s2.csv", TestDatasets.HEALTHY, 2);
        watch.tick().join();
        assertThat(rowsJump().message()).isEqualTo("only 1 earlier value of row_count in all; 3 needed.");

        Path empty = snapshot("s3.csv", "id,age,glucose\n", 3);
        watch.tick().join();
        assertThat(latestRun().status()).isEqualTo("failed");
        Files.delete(empty);

        snapshot("s4.csv", TestDatasets.HEALTHY, 4);
        watch.tick().join();
        assertThat(rowsJump().message()).as("s3 failed: s1 and s2 only").isEqualTo(
                "only 2 earlier values of row_count in all; 3 needed.");

        StringBuilder twelve = new StringBuilder("id,age,glucose\n");
        for (int i = 1; i <= 12; i++) {
            twelve.append(i).append(",40,9").append(i % 10).append('\n');
        }
        snapshot("s5.csv", twelve.toString(), 5);
        watch.tick().join();
        RuleResultRow judged = rowsJump();
        // 12 rows against the previous successful snapshot's 4 (s4), at most 2 more allowed: 6
        assertThat(judged.status()).isEqualTo("fail");
        assertThat(judged.observed()).isEqualTo(12.0);
        assertThat(judged.threshold()).isEqualTo(6.0);
        assertThat(judged.expectedUpper()).as("stored range, upper end").isEqualTo(6.0);
        assertThat(judged.expectedLower()).as("no max_decrease: unbounded below").isNull();
        assertThat(judged.toResult().expected().lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(judged.toResult().evidence()).extracting(Evidence::source).containsExactly("s1.csv", "s2.csv", "s4.csv");
        assertThat(judged.toResult().evidence()).extracting(e -> e.values().get("value")).containsExactly("4", "4", "4");

        JsonNode history = get("/api/datasets/" + name + "/history?metric=row_count");
        assertThat(history.get("dataset").asText()).isEqualTo(name);
        assertThat(history.get("split").isNull()).isTrue();
        assertThat(history.get("points")).extracting(p -> p.get("snapshot").asText())
                .containsExactly("s1.csv", "s2.csv", "s4.csv", "s5.csv");
        // the files' times set by snapshot(): days 1, 2, 4, 5 after START; rows 4, 4, 4, 12 as written
        assertThat(history.get("points")).extracting(p -> p.get("time").asText()).containsExactly(
                "2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z", "2026-11-05T00:00:00Z", "2026-11-06T00:00:00Z");
        assertThat(history.get("points")).extracting(p -> p.get("value").asDouble()).containsExactly(4.0, 4.0, 4.0, 12.0);
        JsonNode ages = get("/api/datasets/" + name + "/history?metric=mean&column=age&split=all");
        // mean age: (30+41+52+33)/4 = 39 in HEALTHY; 40 in the twelve-row file
        assertThat(ages.get("points")).extracting(p -> p.get("value").asDouble()).containsExactly(39.0, 39.0, 39.0, 40.0);
    }

    @Test
    void aFigureWithoutItsColumnIsABadRequestAndAnUnknownDatasetIsNotFound() throws Exception {
        assertThat(status("/api/datasets/" + name + "/history?metric=mean")).isEqualTo(400);
        assertThat(status("/api/datasets/" + name + "/history?metric=no_such_metric")).isEqualTo(400);
        assertThat(status("/api/datasets/nope/history?metric=row_count")).isEqualTo(404);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private int status(String path) throws Exception {
        return send(path).statusCode();
    }

    private HttpResponse<String> send(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Authorization", TestToken.BEARER).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Path snapshot(String name, String csv, int day) throws Exception {
        Path file = data.snapshot(this.name, name, csv);
        Files.setLastModifiedTime(file, FileTime.from(START.plusSeconds(86_400L * day)));
        return file;
    }

    private RuleResultRow rowsJump() {
        RunRow run = latestRun();
        assertThat(run.status()).isEqualTo("succeeded");
        return results.findByRunIdOrderByPositionAsc(run.id()).stream().filter(r -> r.ruleName().equals("rows-jump"))
                .findFirst().orElseThrow();
    }

    private RunRow latestRun() {
        return runs.findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(datasets.findByName(name).orElseThrow().id())
                .orElseThrow();
    }
}
