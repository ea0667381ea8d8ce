package dev.driftwatch.app.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * 200 run requests at once over real HTTP, 50 for each of four datasets: the runs take the service's bounded pool
 * of two threads, and beyond the dataset's rate (5 a minute here) the answer is 429 with {@code Retry-After}.
 */
class ApiRunLimitsTest {
    private static final List<String> DATASETS = List.of("north", "east", "south", "west");
    private static final int PER_MINUTE = 5;

    @Test
    void twoHundredConcurrentPostsRunOnTheBoundedPoolAndBeyondTheRateAnswer429() throws Exception {
        Path root = TemporaryFolders.create("driftwatch-api-limits");
        var data = new TestDatasets(root);
        // 20,000 rows a snapshot, so that runs last long enough to overlap
        String rows = IntStream.range(0, 20_000).mapToObj(i -> i + "," + (20 + i % 50) + "," + (80 + i % 40))
                .collect(Collectors.joining("\n", "id,age,glucose\n", "\n"));
        DATASETS.forEach(name -> {
            data.declare(name);
            data.snapshot(name, "s1.csv", rows);
        });
        try (var server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "driftwatch.rules", data.rules().toString(), "driftwatch.threads", 2,
                "driftwatch.limits.run-requests-per-minute", PER_MINUTE,
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch")), "test")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/datasets/"
                                + DATASETS.get(i % DATASETS.size()) + "/runs")).timeout(Duration.ofSeconds(120))
                        .header("Authorization", TestToken.BEARER).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();
            double elapsedMinutes = (System.nanoTime() - start) / 60e9;

            assertThat(answers).extracting(HttpResponse::statusCode).allMatch(code -> code == 201 || code == 409 || code == 429);
            var context = server.getApplicationContext();
            for (String name : DATASETS) {
                List<HttpResponse<String>> mine = answers.stream()
                        .filter(a -> a.request().uri().getPath().equals("/api/datasets/" + name + "/runs")).toList();
                long admitted = mine.stream().filter(a -> a.statusCode() != 429).count();
                long created = mine.stream().filter(a -> a.statusCode() == 201).count();
                // a bucket of 5, refilled at 5 a minute while the requests lasted
                assertThat(admitted).as(name + ": requests within the rate").isBetween(1L,
                        PER_MINUTE + (long) Math.floor(elapsedMinutes * PER_MINUTE));
                assertThat(created).as(name + ": runs made").isGreaterThanOrEqualTo(1);
                assertThat(mine.stream().filter(a -> a.statusCode() == 429)).as(name + ": refused for the rate")
                        .hasSize(50 - (int) admitted).allSatisfy(a -> {
                            assertThat(Long.parseLong(a.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 12L);
                            assertThat(a.body()).contains("\"status\":429").contains("expected at most 5 run requests a minute"
                                    + " for dataset '" + name + "' (driftwatch.limits.run-requests-per-minute) but found more");
                        });
                long stored = context.getBean(RunRepository.class).countByDatasetId(
                        context.getBean(DatasetRepository.class).findByName(name).orElseThrow().id());
                assertThat(stored).as(name + ": stored runs, one per 201").isEqualTo(created);
            }
            List<String> threads = context.getBean(RunThreads.class).names();
            assertThat(threads).as("the threads the runs ended on").hasSize((int) answers.stream()
                    .filter(a -> a.statusCode() == 201).count());
            assertThat(threads.stream().distinct().toList()).as("the pool of driftwatch.threads = 2")
                    .allMatch(name -> name.startsWith("driftwatch-run-")).hasSizeLessThanOrEqualTo(2);
        }
    }
}
