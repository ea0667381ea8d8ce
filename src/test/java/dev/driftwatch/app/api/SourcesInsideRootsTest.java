package dev.driftwatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.core.type.Argument;
import dev.driftwatch.app.TestToken;
import io.micronaut.http.HttpRequest;
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
 * The service serves only data under its data roots ({@code driftwatch.data-roots}, here {@code <temp>/data}):
 * a rules file whose source climbs out to /etc is refused, and a snapshot file that is a link to a secret outside
 * its source folder fails the run without being read. Nothing of either file reaches the API.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourcesInsideRootsTest implements TestPropertyProvider {
    private static final String SECRET = "SECRET-TOKEN-0b5e";
    private final Path root = TemporaryFolders.create("driftwatch-roots");
    private final TestDatasets data = new TestDatasets(root);
    private Path secret;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DatasetWatch watch;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("driftwatch.rules", data.rules().toString(), "driftwatch.data-roots", root.resolve("data").toString(),
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"));
    }

    @BeforeAll
    void declare() throws IOException {
        TestDatasets.write(data.rules().resolve("etc.yaml"), "dataset: etc\nsource: " + "../".repeat(12) + "etc\n"
                + "layout: file_per_snapshot\nfiles: passwd\nsettle: 0s\n");
        data.declare("linked");
        data.snapshot("linked", "s1.csv", TestDatasets.HEALTHY);
        secret = TestDatasets.write(root.resolve("secret/s2.csv"), "id,age,glucose\n9,99," + SECRET + "\n");
        Files.createSymbolicLink(data.source("linked").resolve("s2.csv"), secret);
        watch.tick().join();
    }

    @Test
    void aSourceOutsideTheDataRootsIsARulesErrorNamingTheFileLineAndKey() throws IOException {
        List<DatasetView> list = client().retrieve(HttpRequest.GET("/api/datasets"), Argument.listOf(DatasetView.class));

        DatasetView etc = list.stream().filter(d -> d.name().equals("etc")).findFirst().orElseThrow();
        assertThat(etc.rulesError()).isEqualTo(data.rules().resolve("etc.yaml") + ":2: source: expected a folder under the "
                + "data roots [" + root.resolve("data").toRealPath() + "] (driftwatch.data-roots) but found /etc");
        assertThat(etc.latestRun()).isNull();
        assertThat(client().retrieve(HttpRequest.GET("/api/datasets/etc/snapshots"))).isEqualTo("[]");
        assertThat(status(HttpRequest.POST("/api/datasets/etc/runs", "").header("Authorization", TestToken.BEARER))).isEqualTo(409);
    }

    @Test
    void aLinkOutOfTheSourceFolderFailsTheRunAndIsNotRead() throws IOException {
        DatasetView linked = client().retrieve(HttpRequest.GET("/api/datasets/linked"), DatasetView.class);

        Path source = data.source("linked");
        assertThat(linked.latestRun().status()).isEqualTo("failed");
        assertThat(linked.latestRun().error()).isEqualTo("expected the files of dataset linked inside its source folder "
                + source.toRealPath() + " but found a symbolic link to " + secret.toRealPath() + ": " + source.resolve("s2.csv")
                + " (links that lead out of the source folder are not followed)");
        for (String path : List.of("/api/datasets", "/api/datasets/linked", "/api/datasets/linked/snapshots",
                "/api/runs/" + linked.latestRun().id())) {
            assertThat(client().retrieve(HttpRequest.GET(path))).as(path).doesNotContain(SECRET).doesNotContain("root:x:0:0");
        }
    }

    private int status(HttpRequest<?> request) {
        try {
            return client().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private BlockingHttpClient client() {
        return http.toBlocking();
    }

}
