package dev.driftwatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every error answer over real HTTP is RFC 7807 {@code application/problem+json} with type, title, status and
 * detail: Micronaut's own (400 bad argument, 404 unknown route, 405), the access rule's (401, 403) and the API's
 * (400, 404, 409, 429, 500). The 503 of an unreachable database is asserted in DatabaseOutageTest.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemAnswersTest implements TestPropertyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Path root = TemporaryFolders.create("driftwatch-problems");
    private final TestDatasets data = new TestDatasets(root);

    @Inject
    EmbeddedServer server;
    @Inject
    DatasetWatch watch;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("driftwatch.rules", data.rules().toString(), "driftwatch.test.problem-routes", "true");
    }

    @BeforeAll
    void evaluate() throws IOException {
        data.declare("glucose");
        data.snapshot("glucose", "s1.csv", TestDatasets.HEALTHY);
        data.declare("empty");
        Files.createDirectories(data.source("empty"));
        watch.tick().join();
    }

    @Test
    void aQueryValueThatIsNotANumberIs400() {
        JsonNode problem = problem(send("GET", "/api/datasets/glucose/runs?page=first"), 400, "Bad Request");
        assertThat(problem.get("detail").asText()).contains("page").contains("first");
    }

    @Test
    void aPageSizeOutOfRangeIs400NamingTheValue() {
        assertThat(problem(send("GET", "/api/datasets/glucose/runs?size=1000"), 400, "Bad Request").get("detail").asText())
                .isEqualTo("expected size from 1 to 100 but found 1000");
        assertThat(problem(send("GET", "/api/datasets/glucose/runs?page=-1"), 400, "Bad Request").get("detail").asText())
                .isEqualTo("expected page 0 or more but found -1");
    }

    @Test
    void aChangeWithoutTokenIs401WithABearerChallenge() {
        HttpResponse<String> response = send("POST", "/api/datasets/glucose/runs");
        assertThat(problem(response, 401, "Unauthorized").get("detail").asText())
                .isEqualTo("expected 'Authorization: Bearer <token>' with the API token to POST /api/datasets/glucose/runs"
                        + " but found no token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"driftwatch\"");
    }

    @Test
    void aChangeFromAForeignOriginIs403() {
        HttpResponse<String> response = send("POST", "/api/datasets/glucose/runs", "Authorization", TestToken.BEARER,
                "Origin", "https://elsewhere.example");
        assertThat(problem(response, 403, "Forbidden").get("detail").asText()).startsWith("expected a POST from this service's own origin")
                .endsWith("but found Origin https://elsewhere.example");
    }

    @Test
    void anUnknownDatasetRunOrRouteIs404() {
        assertThat(problem(send("GET", "/api/datasets/nope"), 404, "Not Found").get("detail").asText())
                .isEqualTo("expected a dataset declared in the rules folder but found no 'nope'");
        assertThat(problem(send("GET", "/api/datasets/nope/runs"), 404, "Not Found").get("detail").asText())
                .isEqualTo("expected a dataset declared in the rules folder but found no 'nope'");
        assertThat(problem(send("GET", "/api/runs/999999"), 404, "Not Found").get("detail").asText())
                .isEqualTo("expected a run with id 999999 but found none");
        assertThat(problem(send("GET", "/api/no-such-route"), 404, "Not Found").get("detail").asText()).isNotBlank();
    }

    @Test
    void aSentReportWithoutBodyIs400SayingWhatWasExpected() {
        assertThat(problem(send("POST", "/api/datasets/glucose/reports?from=spark", "Authorization", TestToken.BEARER,
                "Content-Type", "application/json"), 400, "Bad Request").get("detail").asText())
                .isEqualTo("expected a run as check --json writes it in the body but found none");
    }

    @Test
    void aMethodTheRouteDoesNotTakeIs405() {
        HttpResponse<String> response = send("DELETE", "/api/datasets/glucose", "Authorization", TestToken.BEARER);
        problem(response, 405, "Method Not Allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void aDatasetWithoutRunOrSnapshotIs409() {
        assertThat(problem(send("GET", "/api/datasets/empty/verdict"), 409, "Conflict").get("detail").asText())
                .isEqualTo("expected a finished run of dataset 'empty' but it has none yet");
        assertThat(problem(send("POST", "/api/datasets/empty/runs", "Authorization", TestToken.BEARER), 409, "Conflict")
                .get("detail").asText()).isEqualTo("expected a snapshot of dataset 'empty' in "
                + data.source("empty").toAbsolutePath() + " but found none");
    }

    @Test
    void tooManyRequestsAndTheUnexpectedAreProblemsToo() {
        assertThat(problem(send("GET", "/test-problems/throttled"), 429, "Too Many Requests").get("detail").asText())
                .isEqualTo("expected at most 1 request a second but found 2");
        assertThat(problem(send("GET", "/test-problems/broken"), 500, "Internal Server Error").get("detail").asText())
                .isEqualTo("the request failed: java.lang.IllegalStateException: a bug");
    }

    /**
     * The OpenAPI document lists each error these requests provoke, under the route's own operation, as
     * {@code application/problem+json} with the Problem schema, whose properties are the keys of the real bodies.
     */
    @Test
    void everyProvokedProblemOfTheApiIsInTheOpenApiDocument() throws IOException {
        record Provoked(String method, String path, String template, int status, String... headers) {
        }
        List<Provoked> cases = List.of(
                new Provoked("GET", "/api/datasets/glucose/runs?size=1000", "/api/datasets/{name}/runs", 400),
                new Provoked("GET", "/api/datasets/glucose/history?metric=no_such_metric", "/api/datasets/{name}/history", 400),
                new Provoked("POST", "/api/datasets/glucose/runs", "/api/datasets/{name}/runs", 401),
                new Provoked("POST", "/api/datasets/glucose/runs", "/api/datasets/{name}/runs", 403,
                        "Authorization", TestToken.BEARER, "Origin", "https://elsewhere.example"),
                new Provoked("GET", "/api/datasets/nope", "/api/datasets/{name}", 404),
                new Provoked("GET", "/api/datasets/nope/snapshots", "/api/datasets/{name}/snapshots", 404),
                new Provoked("GET", "/api/datasets/nope/runs", "/api/datasets/{name}/runs", 404),
                new Provoked("GET", "/api/datasets/nope/verdict", "/api/datasets/{name}/verdict", 404),
                new Provoked("GET", "/api/datasets/nope/history?metric=row_count", "/api/datasets/{name}/history", 404),
                new Provoked("GET", "/api/runs/999999", "/api/runs/{id}", 404),
                new Provoked("GET", "/api/runs/999999/profile", "/api/runs/{id}/profile", 404),
                new Provoked("GET", "/api/datasets/empty/verdict", "/api/datasets/{name}/verdict", 409),
                new Provoked("POST", "/api/datasets/empty/runs", "/api/datasets/{name}/runs", 409,
                        "Authorization", TestToken.BEARER),
                new Provoked("POST", "/api/datasets/glucose/reports?from=spark", "/api/datasets/{name}/reports", 400,
                        "Authorization", TestToken.BEARER, "Content-Type", "application/json"),
                new Provoked("POST", "/api/datasets/glucose/reports?from=spark", "/api/datasets/{name}/reports", 401),
                new Provoked("POST", "/api/datasets/glucose/reports?from=spark", "/api/datasets/{name}/reports", 403,
                        "Authorization", TestToken.BEARER, "Origin", "https://elsewhere.example"),
                new Provoked("POST", "/api/datasets/nope/reports?from=spark", "/api/datasets/{name}/reports", 404,
                        "Authorization", TestToken.BEARER, "Content-Type", "application/json"));
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(send("GET", "/openapi.yml").body());
        JsonNode schema = document.at("/components/schemas/Problem/properties");
        for (Provoked c : cases) {
            HttpResponse<String> response = send(c.method(), c.path(), c.headers());
            JsonNode body = problem(response, c.status(), HttpStatus.valueOf(c.status()).getReason());
            List<String> keys = new ArrayList<>();
            body.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as("the Problem schema's properties").containsExactlyInAnyOrderElementsOf(
                    () -> schema.fieldNames());
            JsonNode documented = document.path("paths").path(c.template()).path(c.method().toLowerCase(Locale.ROOT))
                    .path("responses").path(String.valueOf(c.status()));
            assertThat(documented.at("/content/application~1problem+json/schema/$ref").asText())
                    .as(c.method() + " " + c.template() + " " + c.status() + " in the document")
                    .isEqualTo("#/components/schemas/Problem");
        }
    }

    /** Asserts the answer is a problem with this status and title (type about:blank) and returns it. */
    static JsonNode problem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("content type of " + response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("expected a JSON body but found " + response.body(), e);
        }
        assertThat(problem.path("type").asText()).as(response.body()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).as(response.body()).isEqualTo(title);
        assertThat(problem.path("status").asInt()).as(response.body()).isEqualTo(status);
        assertThat(problem.path("detail").isTextual()).as(response.body()).isTrue();
        return problem;
    }

    private HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }
}
