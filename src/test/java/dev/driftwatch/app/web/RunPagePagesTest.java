package dev.driftwatch.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The report of a run of 2,000 numeric columns, served in pages of 50 columns over HTTP: each page stays small, shows
 * its own columns' charts and results, links to the next, and the verdict counts every result on every page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPagePagesTest {
    private static final int COLUMNS = 2_000;
    private static final int PER_PAGE = StoredPages.COLUMNS_PER_PAGE;
    /**
     * A page of 50 columns measured 198 kB (a frequent-values card per column, the missing-values chart, the results and
     * the history); twice that is the bound. The same report on one page would hold 40 times the column cards.
     */
    private static final int MAX_PAGE_BYTES = 400_000;

    private final Path root = TemporaryFolders.create("driftwatch-run-pages");
    private EmbeddedServer server;
    private long runId;

    @BeforeAll
    void start() {
        String header = IntStream.range(0, COLUMNS).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int row = 0; row < 30; row++) {
            for (int i = 0; i < COLUMNS; i++) {
                boolean missing = (i == 60 || i == 1500) && row == 3;
                csv.append(i == 0 ? "" : ",").append(missing ? "" : String.valueOf(row * (i + 1) % 97));
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
                  - name: complete
                    kind: missing_values
                    columns: [c1, c60, c1500]
                    max_ratio: 0
                """.formatted(root.resolve("data/wide")));
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "driftwatch.rules", root.resolve("rules").toString(), "driftwatch.scheduler.enabled", "false",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch")), "test");
        server.getApplicationContext().getBean(DatasetWatch.class).tick().join();
        long dataset = server.getApplicationContext().getBean(DatasetRepository.class).findByName("wide").orElseThrow().id();
        runId = server.getApplicationContext().getBean(RunRepository.class)
                .findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(dataset).orElseThrow().id();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theFirstPageShowsTheFirstColumnsAndLinksToTheNext() throws Exception {
        HttpResponse<String> page = get("/runs/" + runId);
        byte[] bytes = page.body().getBytes(StandardCharsets.UTF_8);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(bytes.length).isLessThan(MAX_PAGE_BYTES);
        assertThat(page.body()).contains("Columns 1–50 of 2,000 (page 1 of 40).")
                .contains("href=\"/runs/" + runId + "?page=2\">next</a>")
                .contains("href=\"/runs/" + runId + "?page=40\">last</a>");
        assertThat(histograms(page.body())).startsWith("c0", "c1", "c2").contains("c49").doesNotContain("c50");
        // the verdict counts the run's three results, wherever they are: c60 and c1500 fail (row 4 is empty), c1 passes;
        // the table shows this page's result only
        assertThat(page.body()).contains("Gate blocked: 2 error-severity results did not pass.")
                .contains("<code>c1</code>").doesNotContain("<code>c60</code>", "<code>c1500</code>");
    }

    @Test
    void pageTwoShowsTheNextColumnsAndTheirResults() throws Exception {
        HttpResponse<String> page = get("/runs/" + runId + "?page=2");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_PAGE_BYTES);
        assertThat(page.body()).contains("Columns 51–100 of 2,000 (page 2 of 40).")
                .contains("href=\"/runs/" + runId + "?page=1\">previous</a>")
                .contains("href=\"/runs/" + runId + "?page=3\">next</a>");
        assertThat(histograms(page.body())).startsWith("c50", "c51").contains("c60", "c99").doesNotContain("c49", "c100");
        assertThat(page.body()).contains("Gate blocked: 2 error-severity results did not pass.")
                .contains("<code>c60</code>").doesNotContain("<code>c1</code>", "<code>c1500</code>");
    }

    @Test
    void aPageBeyondTheLastIsNotFound() throws Exception {
        HttpResponse<String> page = get("/runs/" + runId + "?page=41");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("run " + runId + ": expected a page from 1 to 40 but found 41");
    }

    private static java.util.List<String> histograms(String html) {
        Matcher m = Pattern.compile("<h3>[^<]*?\\b(c\\d+) in ").matcher(html);
        java.util.Set<String> columns = new java.util.LinkedHashSet<>();
        while (m.find()) {
            columns.add(m.group(1));
        }
        return java.util.List.copyOf(columns);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
