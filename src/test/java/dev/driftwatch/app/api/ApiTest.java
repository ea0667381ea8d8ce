package dev.driftwatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every REST endpoint over real HTTP. Datasets: {@code glucose} (s1 healthy, then s2 with glucose 0 in
 * 2 of 4 rows), {@code empty} (no snapshot), {@code broken} (a rules file with a misspelt key).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest implements TestPropertyProvider {
    private final Path root = TemporaryFolders.create("driftwatch-api");
    private final TestDatasets data = new TestDatasets(root);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DatasetWatch watch;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("driftwatch.rules", data.rules().toString(),
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"));
    }

    @BeforeAll
    void evaluate() throws IOException {
        data.declare("glucose");
        data.snapshot("glucose", "s1.csv", TestDatasets.HEALTHY);
        data.snapshot("glucose", "s2.csv", TestDatasets.UNMEASURED);
        data.declare("empty");
        Files.createDirectories(data.source("empty"));
        TestDatasets.write(data.rules().resolve("broken.yaml"),
                "dataset: broken\nsource: /nowhere\nlayou: file_per_snapshot\n");
        watch.tick().join();
    }

    @Test
    void theDatasetListShowsEachDatasetWithItsLatestRunOrItsRulesError() {
        List<DatasetView> list = client().retrieve(HttpRequest.GET("/api/datasets"), Argument.listOf(DatasetView.class));

        assertThat(list).extracting(DatasetView::name).containsExactly("broken", "empty", "glucose");
        DatasetView broken = list.get(0);
        // file:line: key: problem (the line is the rules loader's business, tested with it)
        assertThat(broken.rulesError()).startsWith(data.rules().resolve("broken.yaml") + ":")
                .contains(": layou: unknown key 'layou'; expected one of [");
        assertThat(broken.latestRun()).isNull();
        assertThat(list.get(1).latestRun()).isNull();
        DatasetView glucose = list.get(2);
        assertThat(glucose.rules()).containsExactly("glucose-measured");
        assertThat(glucose.latestRun().snapshot()).isEqualTo("s2.csv");
        assertThat(glucose.latestRun().outcome()).isEqualTo("fail");
    }

    @Test
    void oneDatasetAndItsSnapshotsAreShownWithProvenance() {
        DatasetView glucose = client().retrieve(HttpRequest.GET("/api/datasets/glucose"), DatasetView.class);
        List<SnapshotView> snapshots = client().retrieve(HttpRequest.GET("/api/datasets/glucose/snapshots"),
                Argument.listOf(SnapshotView.class));

        assertThat(glucose.source()).isEqualTo(data.source("glucose").toAbsolutePath().toString());
        assertThat(snapshots).extracting(SnapshotView::name).containsExactly("s1.csv", "s2.csv");
        assertThat(snapshots.get(1).bytes()).isEqualTo(TestDatasets.UNMEASURED.length());
        assertThat(snapshots.get(1).path()).isEqualTo(data.source("glucose").resolve("s2.csv").toAbsolutePath().toString());
        // the SHA-256 the run read; recounted here with MessageDigest over the bytes written
        assertThat(snapshots.get(1).fingerprint()).isEqualTo(TestDatasets.sha256(TestDatasets.UNMEASURED));
        assertThat(snapshots.get(1).version()).hasSize(64);
        assertThat(snapshots.get(1).latestRun().status()).isEqualTo("succeeded");
        // s1 is never the latest snapshot, so no request re-runs it: its one run is the scheduler's
        assertThat(snapshots.get(0).latestRun().trigger()).isEqualTo("schedule");
        assertThat(snapshots.get(0).latestRun().startedBy()).as("nobody's token started a scheduled run").isNull();
    }

    @Test
    void aRunShowsItsResultsWithEvidenceAndItsProfile() throws IOException {
        long id = latestRunOf("glucose");
        RunView run = client().retrieve(HttpRequest.GET("/api/runs/" + id), RunView.class);
        JsonNode profile = new ObjectMapper().readTree(client().retrieve(HttpRequest.GET("/api/runs/" + id + "/profile")));

        assertThat(run.snapshot()).isEqualTo("s2.csv");
        assertThat(run.reference()).isEqualTo("s1.csv");
        assertThat(run.results()).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo("fail");
            assertThat(result.observed()).isEqualTo(0.5);
            assertThat(result.threshold()).isEqualTo(0.25);
            assertThat(result.evidence()).extracting(EvidenceView::id).containsExactly("2", "4");
        });
        JsonNode split = profile.get("splits").elements().next();
        assertThat(split.get("rows").asLong()).isEqualTo(4);
        assertThat(split.get("columns").get("glucose").get("missing").asLong()).isEqualTo(2);
    }

    @Test
    void theVerdictSaysWhetherTheLatestRunBlocksTheGate() {
        VerdictView verdict = client().retrieve(HttpRequest.GET("/api/datasets/glucose/verdict"), VerdictView.class);

        assertThat(verdict.dataset()).isEqualTo("glucose");
        assertThat(verdict.snapshot()).isEqualTo("s2.csv");
        assertThat(verdict.status()).isEqualTo("fail");
        assertThat(verdict.blocksGate()).isTrue();
        assertThat(verdict.results()).extracting(VerdictResultView::rule, VerdictResultView::column,
                VerdictResultView::observed).containsExactly(org.assertj.core.groups.Tuple.tuple("glucose-measured",
                "glucose", 0.5));
    }

    @Test
    void aRunOnRequestEvaluatesTheLatestSnapshotAgain() {
        HttpResponse<RunView> response = client().exchange(HttpRequest.POST("/api/datasets/glucose/runs", "")
                .header("Authorization", TestToken.BEARER), RunView.class);

        assertThat(response.code()).isEqualTo(201);
        RunView run = response.body();
        assertThat(run.trigger()).isEqualTo("request");
        assertThat(run.startedBy()).as("the holder of the API token").isEqualTo("operator");
        assertThat(run.snapshot()).isEqualTo("s2.csv");
        assertThat(run.reference()).isEqualTo("s1.csv");
        assertThat(run.outcome()).isEqualTo("fail");
    }

    @Test
    void mistakesAreAnsweredWithAStatusAndASentence() {
        assertError(HttpRequest.GET("/api/datasets/nope"), HttpStatus.NOT_FOUND,
                "expected a dataset declared in the rules folder but found no 'nope'");
        assertError(HttpRequest.GET("/api/datasets/nope/verdict"), HttpStatus.NOT_FOUND,
                "expected a dataset declared in the rules folder but found no 'nope'");
        assertError(HttpRequest.GET("/api/datasets/empty/verdict"), HttpStatus.CONFLICT,
                "expected a finished run of dataset 'empty' but it has none yet");
        assertError(HttpRequest.POST("/api/datasets/empty/runs", "").header("Authorization", TestToken.BEARER), HttpStatus.CONFLICT,
                "expected a snapshot of dataset 'empty' in " + data.source("empty").toAbsolutePath() + " but found none");
        assertError(HttpRequest.GET("/api/runs/999999"), HttpStatus.NOT_FOUND,
                "expected a run with id 999999 but found none");
        String brokenMessage = assertError(HttpRequest.POST("/api/datasets/broken/runs", "").header("Authorization", TestToken.BEARER), HttpStatus.CONFLICT, null);
        assertThat(brokenMessage)
                .startsWith("dataset 'broken' cannot run until its rules file is fixed: ");
    }

    @Test
    void healthIsUpWithTheDatabaseDetailsForATokenHolder() {
        Map<?, ?> health = client().retrieve(HttpRequest.GET("/health").header("Authorization", TestToken.BEARER),
                Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
        Map<?, ?> database = (Map<?, ?>) ((Map<?, ?>) health.get("details")).get("database");
        assertThat(database.get("status")).isEqualTo("UP");
        Map<?, ?> details = (Map<?, ?>) database.get("details");
        assertThat(details.get("database")).isEqualTo("H2");
        assertThat((String) details.get("url")).startsWith("jdbc:h2:");
    }

    private long latestRunOf(String dataset) {
        return client().retrieve(HttpRequest.GET("/api/datasets/" + dataset), DatasetView.class).latestRun().id();
    }

    /** @return the problem's detail */
    private String assertError(HttpRequest<?> request, HttpStatus status, String message) {
        var e = catchThrowableOfType(HttpClientResponseException.class, () -> client().exchange(request, String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(status.getCode());
        JsonNode error;
        try {
            error = new ObjectMapper().readTree(e.getResponse().getBody(String.class).orElseThrow());
        } catch (IOException io) {
            throw new AssertionError(io);
        }
        assertThat(error.get("status").asInt()).isEqualTo(status.getCode());
        if (message != null) {
            assertThat(error.get("detail").asText()).isEqualTo(message);
        }
        return error.get("detail").asText();
    }

    private BlockingHttpClient client() {
        return http.toBlocking();
    }

}
