package dev.driftwatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API and the dataset page list snapshots in the order runs compare them: snap-9.csv, written an hour before
 * snap-10.csv, comes first, although "snap-10.csv" sorts before "snap-9.csv" as plain text.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotListOrderTest implements TestPropertyProvider {
    private final Path root = TemporaryFolders.create("driftwatch-order");
    private final TestDatasets data = new TestDatasets(root);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DatasetWatch watch;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("driftwatch.rules", data.rules().toString());
    }

    @BeforeAll
    void evaluate() throws IOException {
        data.declare("timed");
        Instant now = Instant.now();
        Files.setLastModifiedTime(data.snapshot("timed", "snap-10.csv", TestDatasets.HEALTHY),
                FileTime.from(now.minus(Duration.ofHours(1))));
        Files.setLastModifiedTime(data.snapshot("timed", "snap-9.csv", TestDatasets.UNMEASURED),
                FileTime.from(now.minus(Duration.ofHours(2))));
        watch.tick().join();
    }

    @Test
    void snapshotsAreListedOldestFirstByTimeNotByPlainName() {
        List<SnapshotView> snapshots = http.toBlocking().retrieve(HttpRequest.GET("/api/datasets/timed/snapshots"),
                Argument.listOf(SnapshotView.class));

        assertThat(snapshots).extracting(SnapshotView::name).containsExactly("snap-9.csv", "snap-10.csv");
    }

    @Test
    void theDatasetPageListsThemInTheSameOrder() {
        String page = http.toBlocking().retrieve(HttpRequest.GET("/datasets/timed"));

        assertThat(page.indexOf("snap-9.csv")).isPositive().isLessThan(page.indexOf("snap-10.csv"));
    }

}
