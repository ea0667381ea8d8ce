package dev.driftwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RuleResultRepository;
import dev.driftwatch.app.storage.RuleResultRow;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.testing.TemporaryFolders;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the service stores, measures and alerts for a dataset's first snapshot (comparisons skipped, nothing
 * fires), for a snapshot with no rows and for a rules file naming a column the snapshot lacks (failed runs
 * with that error). Driven tick by tick, with a webhook receiver standing in for the alert channel.
 */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunOutcomesTest implements TestPropertyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A drift rule and a row-count change rule after TestDatasets' glucose-measured: both need a reference. */
    private static final String COMPARISONS = """
              - name: glucose-stable
                kind: distribution_shift
                columns: [glucose]
              - name: rows-stable
                kind: row_count
                max_change: 0.5
            """;

    private final Path root = TemporaryFolders.create("driftwatch-outcomes");
    private final TestDatasets data = new TestDatasets(root);
    private final List<JsonNode> webhookPosts = new CopyOnWriteArrayList<>();
    private final HttpServer webhook = webhook();

    @Inject
    DatasetWatch watch;
    @Inject
    DatasetRepository datasets;
    @Inject
    RunRepository runs;
    @Inject
    RuleResultRepository results;
    @Inject
    PrometheusMeterRegistry registry;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("driftwatch.rules", data.rules().toString(), "driftwatch.interval", "1ms",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"),
                "driftwatch.alerts.webhook-url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
    }

    @AfterAll
    void stopWebhook() {
        webhook.stop(0);
    }

    @Test
    void aFirstSnapshotGivesSkippedResultsThatNeitherBlockNorFire() throws Exception {
        data.declare("first", COMPARISONS);
        data.snapshot("first", "s1.csv", TestDatasets.HEALTHY);
        watch.tick().join();

        RunRow first = latestRun("first");
        assertThat(first.status()).isEqualTo("succeeded");
        assertThat(first.outcome()).isEqualTo("pass");
        assertThat(first.blocksGate()).isFalse();
        assertThat(results.findByRunIdOrderByPositionAsc(first.id()))
                .extracting(RuleResultRow::ruleName, RuleResultRow::status, RuleResultRow::message).containsExactly(
                        tuple("glucose-measured", "pass", "glucose: 0 of 4 (0.0%) values missing in all; within the allowed 25.0%."),
                        tuple("glucose-stable", "skipped", "there is no reference snapshot yet to compare with."),
                        tuple("rows-stable", "skipped", "there is no reference snapshot yet to compare the row count with."));
        String scrape = registry.scrape();
        assertThat(gauge(scrape, "driftwatch_rule_status", "rule=\"glucose-stable\"")).isEqualTo(-1.0);
        assertThat(gauge(scrape, "driftwatch_run_status", "dataset=\"first\"")).isEqualTo(0.0);

        // the second snapshot fails glucose-measured (2 of 4 zeros): the receiver hears of that, and of nothing before
        data.snapshot("first", "s2.csv", TestDatasets.UNMEASURED);
        watch.tick().join();
        RunRow second = latestRun("first");
        assertThat(second.outcome()).isEqualTo("fail");
        List<JsonNode> posts = postsOf("first");
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.get("runUrl").asText()).endsWith("/api/runs/" + second.id());
            assertThat(post.get("alerts")).extracting(a -> a.get("labels").get("rule").asText())
                    .contains("glucose-measured").doesNotContain("rows-stable");
        });
        assertThat(results.findByRunIdOrderByPositionAsc(second.id())).extracting(RuleResultRow::status)
                .doesNotContain("skipped");
    }

    @Test
    void aSnapshotWithOnlyAHeaderIsAFailedRunThatSaysNoRows() {
        data.declare("headers");
        data.snapshot("headers", "s1.csv", "id,age,glucose\n");
        watch.tick().join();

        RunRow run = latestRun("headers");
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).isEqualTo("expected at least one row in snapshot s1.csv but found none (file s1.csv has only a header)");
    }

    @Test
    void aColumnTheSnapshotLacksIsAFailedRunWithTheRulesFileLine() {
        Path rules = data.declare("typo", """
                  - name: age-present
                    kind: missing_values
                    columns: [agee]
                """);
        data.snapshot("typo", "s1.csv", TestDatasets.HEALTHY);
        watch.tick().join();

        RunRow run = latestRun("typo");
        assertThat(run.status()).isEqualTo("failed");
        // line 18: the 15 lines of TestDatasets.declare's file, then the rule's name, kind and columns
        assertThat(run.error()).isEqualTo(rules + ":18: rules[1].columns[0]: expected one of the columns of snapshot s1.csv"
                + " [id, age, glucose] but found 'agee'");
    }

    private RunRow latestRun(String dataset) {
        return runs.findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(datasets.findByName(dataset).orElseThrow().id())
                .orElseThrow();
    }

    private static double gauge(String scrape, String name, String label) {
        return scrape.lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("expected " + name + " with " + label + " in\n" + scrape));
    }

    private HttpServer webhook() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                webhookPosts.add(JSON.readTree(exchange.getRequestBody()));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** Alerts are delivered on their own thread: waits up to 10 s for the dataset's first post, then a moment for more. */
    private List<JsonNode> postsOf(String dataset) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (webhookPosts.stream().noneMatch(post -> post.path("dataset").asText().equals(dataset))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        return webhookPosts.stream().filter(post -> post.path("dataset").asText().equals(dataset)).toList();
    }
}
