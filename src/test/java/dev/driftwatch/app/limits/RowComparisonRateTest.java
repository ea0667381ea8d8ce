package dev.driftwatch.app.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Comparing two snapshots by reading the rows again ({@code compare?rows=on}) costs a run, so it takes from the
 * dataset's run request rate (2 a minute here) over real HTTP: the third such page in a minute answers 429 with
 * {@code Retry-After}, and so does a POST run after it; the comparison of stored profiles stays free.
 */
class RowComparisonRateTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void readingRowsAgainTakesFromTheRunRequestRate() throws Exception {
        Path root = TemporaryFolders.create("driftwatch-compare-rate");
        var data = new TestDatasets(root);
        data.declare("glucose");
        data.snapshot("glucose", "s1.csv", TestDatasets.HEALTHY);
        data.snapshot("glucose", "s2.csv", TestDatasets.HEALTHY);
        try (var server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "driftwatch.rules", data.rules().toString(), "driftwatch.limits.run-requests-per-minute", 2,
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch")), "test")) {
            server.getApplicationContext().getBean(DatasetWatch.class).tick().join();
            String rowsAgain = "/datasets/glucose/compare?from=s1.csv&to=s2.csv&rows=on";

            assertThat(get(server, rowsAgain).statusCode()).isEqualTo(200);
            assertThat(get(server, rowsAgain).statusCode()).isEqualTo(200);
            HttpResponse<String> third = get(server, rowsAgain);
            assertThat(third.statusCode()).as(third.body()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Long.parseLong(seconds)).isBetween(1L, 30L));
            assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("text/html"));
            assertThat(third.body()).contains("expected at most 2 runs or comparisons that read rows a minute for"
                    + " dataset &#39;glucose&#39;");

            assertThat(get(server, "/datasets/glucose/compare?from=s1.csv&to=s2.csv").statusCode())
                    .as("stored profiles only").isEqualTo(200);
            HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(URI.create(server.getURL()
                            + "/api/datasets/glucose/runs")).header("Authorization", TestToken.BEARER)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).as("the same bucket: " + post.body()).isEqualTo(429);
        }
    }

    private static HttpResponse<String> get(EmbeddedServer server, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
