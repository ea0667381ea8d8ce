package dev.driftwatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/datasets/{name}/runs} over real HTTP on one database: five runs of one dataset (one scheduled, four
 * requested), interleaved with runs of another, read back a page at a time. The expected ids are the ones the
 * service answered when each run was made, newest first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunPagesContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Unique per test run: a shared PostgreSQL database may hold datasets of earlier runs. */
    private final String paged = "paged-" + UUID.randomUUID().toString().substring(0, 8);
    private final String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
    private final TestDatasets data = new TestDatasets(TemporaryFolders.create("driftwatch-run-pages"));
    private final List<Long> madeNewestFirst = new ArrayList<>();
    private EmbeddedServer server;

    /** The datasource properties of the database under test. */
    abstract Map<String, Object> database();

    @BeforeAll
    void makeRuns() throws IOException {
        for (String name : List.of(paged, other)) {
            data.declare(name);
            data.snapshot(name, "s1.csv", TestDatasets.HEALTHY);
        }
        Map<String, Object> properties = new HashMap<>(database());
        properties.putAll(Map.of("micronaut.server.port", -1, "driftwatch.rules", data.rules().toString()));
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        server.getApplicationContext().getBean(DatasetWatch.class).tick().join();
        madeNewestFirst.add(get("/api/datasets/" + paged).at("/latestRun/id").asLong());
        for (int i = 0; i < 4; i++) {
            madeNewestFirst.add(0, requestRun(paged));
            requestRun(other);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void runsComeNewestFirstAPageAtATimeWithTheirTotal() throws IOException {
        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = get("/api/datasets/" + paged + "/runs?page=" + page + "&size=2");
            assertThat(answer.get("dataset").asText()).isEqualTo(paged);
            assertThat(answer.get("page").asInt()).isEqualTo(page);
            assertThat(answer.get("size").asInt()).isEqualTo(2);
            assertThat(answer.get("total").asLong()).as("runs made for this dataset").isEqualTo(madeNewestFirst.size());
            assertThat(answer.get("pages").asInt()).as("5 runs, 2 a page").isEqualTo(3);
            answer.get("runs").forEach(run -> seen.add(run.get("id").asLong()));
        }
        assertThat(seen).isEqualTo(madeNewestFirst);
        assertThat(get("/api/datasets/" + paged + "/runs?page=3&size=2").get("runs")).as("past the last page").isEmpty();
    }

    @Test
    void withoutParametersTheFirstPageHoldsUpToTwentyRuns() throws IOException {
        JsonNode answer = get("/api/datasets/" + paged + "/runs");
        assertThat(answer.get("size").asInt()).isEqualTo(20);
        assertThat(answer.get("pages").asInt()).isEqualTo(1);
        JsonNode newest = answer.get("runs").get(0);
        assertThat(newest.get("id").asLong()).isEqualTo(madeNewestFirst.get(0));
        assertThat(newest.get("trigger").asText()).isEqualTo("request");
        assertThat(newest.get("startedBy").asText()).isEqualTo("operator");
        assertThat(newest.get("snapshot").asText()).isEqualTo("s1.csv");
        assertThat(answer.get("runs").get(4).get("trigger").asText()).isEqualTo("schedule");
    }

    private long requestRun(String dataset) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/datasets/" + dataset + "/runs"))
                .header("Authorization", TestToken.BEARER).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asLong();
    }

    private JsonNode get(String path) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
