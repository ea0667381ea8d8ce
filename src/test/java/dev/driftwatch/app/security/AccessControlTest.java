package dev.driftwatch.app.security;

import static dev.driftwatch.app.security.RawHttp.bearer;
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
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may do what, over real HTTP, on the default bind (127.0.0.1, so reading is open to anonymous callers), with
 * the test API token, a named token {@code ci} and a metrics token. Dataset {@code glucose} has one snapshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {
    static final String METRICS_TOKEN = "metrics-token-0123456789";
    static final String CI_TOKEN = "ci-token-0123456789abcdef";
    private static final String RUNS = "/api/datasets/glucose/runs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedServer server;
    private RawHttp http;

    @BeforeAll
    void start() throws IOException {
        Path root = TemporaryFolders.create("driftwatch-access");
        var data = new TestDatasets(root);
        data.declare("glucose");
        data.snapshot("glucose", "s1.csv", TestDatasets.HEALTHY);
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "driftwatch.rules", data.rules().toString(), "driftwatch.security.metrics-token", METRICS_TOKEN,
                "driftwatch.security.tokens.ci", CI_TOKEN,
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch")), "test");
        server.getApplicationContext().getBean(DatasetWatch.class).tick().join();
        http = new RawHttp("http://127.0.0.1:" + server.getPort());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aRunNeedsTheApiTokenAndRecordsWhoseTokenStartedIt() throws IOException {
        HttpResponse<String> none = http.send("POST", RUNS);
        HttpResponse<String> wrong = http.send("POST", RUNS, bearer("not-the-token-0123456789"));
        HttpResponse<String> metrics = http.send("POST", RUNS, bearer(METRICS_TOKEN));
        HttpResponse<String> operator = http.send("POST", RUNS, bearer(TestToken.VALUE));
        HttpResponse<String> ci = http.send("POST", RUNS, bearer(CI_TOKEN));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(message(none)).isEqualTo("expected 'Authorization: Bearer <token>' with the API token to POST "
                + RUNS + " but found no token");
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"driftwatch\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(message(wrong)).isEqualTo("expected 'Authorization: Bearer <token>' with the API token to POST "
                + RUNS + " but found a token this service does not know");
        assertThat(metrics.statusCode()).isEqualTo(403);
        assertThat(message(metrics)).isEqualTo("expected the API token to POST " + RUNS
                + " but found the token of 'metrics'");
        assertThat(operator.statusCode()).as(operator.body()).isEqualTo(201);
        assertThat(JSON.readTree(operator.body()).get("startedBy").asText()).isEqualTo("operator");
        assertThat(ci.statusCode()).as(ci.body()).isEqualTo(201);
        long ciRun = JSON.readTree(ci.body()).get("id").asLong();
        JsonNode stored = JSON.readTree(http.send("GET", "/api/runs/" + ciRun).body());
        assertThat(stored.get("trigger").asText()).isEqualTo("request");
        assertThat(stored.get("startedBy").asText()).as("read back from the runs table").isEqualTo("ci");
    }

    @Test
    void onALoopbackBindAnonymousCallersReadTheApiAndThePages() {
        assertThat(http.send("GET", "/api/datasets").statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/").statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/datasets/glucose").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusTakesItsOwnTokenOnceOneIsSet() {
        HttpResponse<String> anonymous = http.send("GET", "/prometheus");
        HttpResponse<String> scraper = http.send("GET", "/prometheus", bearer(METRICS_TOKEN));
        HttpResponse<String> operator = http.send("GET", "/prometheus", bearer(TestToken.VALUE));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(message(anonymous)).isEqualTo("expected 'Authorization: Bearer <token>' with the metrics token or "
                + "the API token to GET /prometheus but found no token");
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("driftwatch_rule_status{");
        assertThat(operator.statusCode()).isEqualTo(200);
    }

    @Test
    void healthShowsItsDetailsOnlyToATokenHolder() throws IOException {
        JsonNode anonymous = JSON.readTree(http.send("GET", "/health").body());
        JsonNode operator = JSON.readTree(http.send("GET", "/health", bearer(TestToken.VALUE)).body());

        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("details")).as(anonymous.toString()).isFalse();
        assertThat(operator.get("status").asText()).isEqualTo("UP");
        assertThat(operator.at("/details/database/details/database").asText()).isEqualTo("H2");
    }

    /** Reached under a name, as behind a proxy: the service's own check of the origin answers. */
    @Test
    void aStateChangingRequestFromAnotherOriginIsRefusedEvenWithTheToken() throws IOException {
        String host = "driftwatch.example:" + server.getPort();
        var foreign = http.sendAs(host, "POST", RUNS, "Origin", "https://evil.example", bearer(TestToken.VALUE)[0],
                bearer(TestToken.VALUE)[1]);
        var sandboxed = http.sendAs(host, "POST", RUNS, "Origin", "null", bearer(TestToken.VALUE)[0],
                bearer(TestToken.VALUE)[1]);
        var foreignWithoutToken = http.sendAs(host, "POST", RUNS, "Origin", "https://evil.example");
        var own = http.sendAs(host, "POST", RUNS, "Origin", "http://" + host, bearer(TestToken.VALUE)[0],
                bearer(TestToken.VALUE)[1]);

        assertThat(foreign.getKey()).isEqualTo(403);
        assertThat(JSON.readTree(foreign.getValue()).get("detail").asText()).isEqualTo("expected a POST from this "
                + "service's own origin (or driftwatch.security.allowed-origins) but found Origin https://evil.example");
        assertThat(sandboxed.getKey()).isEqualTo(403);
        assertThat(foreignWithoutToken.getKey()).isEqualTo(403);
        assertThat(own.getKey()).as(own.getValue()).isEqualTo(201);
        assertThat(JSON.readTree(own.getValue()).get("snapshot").asText()).isEqualTo("s1.csv");
    }

    /**
     * On its default loopback bind a browser page of another site cannot start a run either: Micronaut's own guard
     * against drive-by-localhost requests refuses it before the token is even looked at, and no run is stored.
     */
    @Test
    void aBrowserPageOfAnotherSiteCannotStartARunOnTheLoopbackBind() throws IOException {
        long before = runsOfGlucose();
        HttpResponse<String> foreign = http.send("POST", RUNS, "Origin", "https://evil.example",
                "Authorization", "Bearer " + TestToken.VALUE);
        HttpResponse<String> simple = http.send("POST", RUNS, "Origin", "https://evil.example",
                "Content-Type", "text/plain");

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(simple.statusCode()).isEqualTo(403);
        assertThat(runsOfGlucose()).isEqualTo(before);
    }

    private long runsOfGlucose() {
        var context = server.getApplicationContext();
        long dataset = context.getBean(dev.driftwatch.app.storage.DatasetRepository.class).findByName("glucose")
                .orElseThrow().id();
        return context.getBean(dev.driftwatch.app.storage.RunRepository.class).countByDatasetId(dataset);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String[] request : new String[][] {{"GET", "/"}, {"GET", "/api/datasets"}, {"GET", "/datasets/nope"},
                {"POST", RUNS}, {"GET", "/health"}}) {
            HttpResponse<String> answer = http.send(request[0], request[1]);
            var headers = answer.headers();
            String what = request[0] + " " + request[1] + " (" + answer.statusCode() + ")";
            assertThat(headers.firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp -> assertThat(csp)
                    .startsWith("default-src 'none'; style-src 'sha256-").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("script-src"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(what).contains("DENY");
        }
    }

    private static String message(HttpResponse<String> response) {
        try {
            JsonNode message = JSON.readTree(response.body()).get("detail");
            if (message == null) {
                throw new AssertionError("expected a JSON error but found " + response.statusCode() + " "
                        + response.headers().map() + " " + response.body());
            }
            return message.asText();
        } catch (IOException e) {
            throw new AssertionError("expected a JSON error but found " + response.body(), e);
        }
    }
}
