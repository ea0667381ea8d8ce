package dev.driftwatch.app.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code driftwatch.metrics.max-columns-per-dataset}: a dataset of 1,000 columns keeps per-column series for 50 of
 * them (its failing column among them), counts the others in {@code driftwatch_metric_columns_dropped}, and a narrow
 * dataset is not touched. Scraped over HTTP from a running server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricColumnCapTest {
    private static final int COLUMNS = 1_000;
    private static final int CAP = 50;
    private static final Pattern COLUMN = Pattern.compile("column=\"([^\"]*)\"");

    private final Path root = TemporaryFolders.create("driftwatch-column-cap");
    private EmbeddedServer server;

    @BeforeAll
    void start() {
        String header = IntStream.range(0, COLUMNS).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int row = 0; row < 20; row++) {
            for (int i = 0; i < COLUMNS; i++) {
                csv.append(i == 0 ? "" : ",").append(i == 7 && row == 3 ? "" : String.valueOf(row * i));
            }
            csv.append('\n');
        }
        TestDatasets.write(root.resolve("data/wide/s1.csv"), csv.toString());
        TestDatasets.write(root.resolve("rules/wide.yaml"), """
                dataset: wide
                source: %s
                layout: file_per_snapshot
                files: "*.csv"
                settle: 0s
                rules:
                  - name: c7-complete
                    kind: missing_values
                    columns: [c7]
                    max_ratio: 0
                """.formatted(root.resolve("data/wide")));
        var narrow = new TestDatasets(root);
        narrow.declare("narrow");
        narrow.snapshot("narrow", "s1.csv", TestDatasets.HEALTHY);
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "driftwatch.rules", root.resolve("rules").toString(), "driftwatch.scheduler.enabled", "false",
                "driftwatch.metrics.max-columns-per-dataset", String.valueOf(CAP),
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch")), "test");
        server.getApplicationContext().getBean(DatasetWatch.class).tick().join();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aWideDatasetKeepsSeriesForCappedColumnsAndCountsTheRest() throws Exception {
        List<String> scrape = scrape();
        List<String> wide = series(scrape, "wide");
        Set<String> columns = columns(wide);

        assertThat(columns).hasSize(CAP).contains("c7");
        assertThat(wide).contains("driftwatch_metric_columns_dropped{dataset=\"wide\"} " + (double) (COLUMNS - CAP));
        // per column: missing ratio and distinct values of the one split, and c7's rule status, observed and threshold
        assertThat(wide.stream().filter(line -> !line.contains("column=\"\"") && line.contains("column=\""))).hasSize(2 * CAP + 3);
        // the series of a dataset without columns: the same families as the narrow dataset's (below), a few dozen,
        // besides the time histograms, whose buckets are per rule and phase, never per column
        assertThat(withoutTimeHistograms(wide)).hasSizeLessThanOrEqualTo(2 * CAP + 3 + 40);
    }

    @Test
    void aNarrowDatasetKeepsEveryColumnsSeries() throws Exception {
        List<String> narrow = series(scrape(), "narrow");

        assertThat(columns(narrow)).containsExactlyInAnyOrder("id", "age", "glucose");
        assertThat(narrow).contains("driftwatch_metric_columns_dropped{dataset=\"narrow\"} 0.0");
        assertThat(withoutTimeHistograms(narrow).stream()
                .filter(line -> !line.contains("column=\"") || line.contains("column=\"\""))).hasSizeLessThanOrEqualTo(40);
    }

    private List<String> scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getPort() + "/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().filter(line -> !line.startsWith("#")).toList();
    }

    private static List<String> withoutTimeHistograms(List<String> series) {
        return series.stream().filter(line -> !line.startsWith("driftwatch_rule_duration_seconds")
                && !line.startsWith("driftwatch_run_phase_duration_seconds")).toList();
    }

    private static List<String> series(List<String> scrape, String dataset) {
        return scrape.stream().filter(line -> line.contains("dataset=\"" + dataset + "\"")).toList();
    }

    private static Set<String> columns(List<String> series) {
        return series.stream().map(COLUMN::matcher).filter(Matcher::find).map(m -> m.group(1))
                .filter(column -> !column.isEmpty()).collect(Collectors.toSet());
    }
}
