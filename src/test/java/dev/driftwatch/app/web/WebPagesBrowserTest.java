package dev.driftwatch.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.schedule.DatasetWatch;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The service's pages in real headless Chromium, over the example datasets (rules pinned in
 * {@code src/test/resources/report/}): the overview,
 * a dataset page and a run report each render their charts (non-empty SVG with shapes) without console
 * errors, under the service's Content-Security-Policy (which Chromium reports as a console error when a page breaks
 * it, and which it enforces: an injected inline script does not run). A screenshot of each is kept in
 * {@code target/screenshots/}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesBrowserTest implements TestPropertyProvider {
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private final Path root = temporaryFolder();

    @Inject
    EmbeddedServer server;
    @Inject
    DatasetWatch watch;

    private HeadlessChromium chromium;

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("driftwatch-web");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.server.port", "-1", "driftwatch.rules", "src/test/resources/report", "driftwatch.scheduler.enabled", "false",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"));
    }

    @BeforeAll
    void evaluateTheExamplesAndStartTheBrowser() throws Exception {
        for (int tick = 0; tick < 4; tick++) {
            watch.tick().join();
        }
        chromium = HeadlessChromium.start(root.resolve("chromium"));
    }

    @AfterAll
    void stopTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private void assertChartsDrawn(int atLeast) {
        List<List<Number>> charts = chromium.charts();
        assertThat(charts).hasSizeGreaterThanOrEqualTo(atLeast);
        for (List<Number> chart : charts) {
            assertThat(chart.get(0).doubleValue()).as("chart width").isGreaterThan(100);
            assertThat(chart.get(1).doubleValue()).as("chart height").isGreaterThan(40);
            assertThat(chart.get(2).intValue()).as("shapes in the chart").isPositive();
        }
    }

    @Test
    @Order(1)
    void theOverviewListsEveryDatasetWithItsStateAndAChart() throws Exception {
        chromium.open(url("/"));

        assertThat(chromium.driver().getTitle()).isEqualTo("Driftwatch · datasets");
        List<String> names = chromium.driver().findElements(By.cssSelector("tr.dataset td:first-child b")).stream()
                .map(WebElement::getText).toList();
        assertThat(names).containsExactly("madewithml", "pima");
        // Made With ML s16: 34 of 999 projects have no text (counted with Python), so its gate is blocked
        WebElement madeWithMl = chromium.driver().findElements(By.cssSelector("tr.dataset")).get(0);
        assertThat(madeWithMl.getText()).contains("FAIL", "blocked", "s16_2022-05-03_Made-With-ML_5c59a97");
        assertChartsDrawn(1);
        chromium.screenshot(SCREENSHOTS.resolve("overview.png"));
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void aDatasetPageShowsItsHistorySnapshotsAndRuns() throws Exception {
        chromium.open(url("/"));
        chromium.driver().findElement(By.linkText("madewithml")).click();

        assertThat(chromium.driver().getCurrentUrl()).endsWith("/datasets/madewithml");
        assertThat(chromium.driver().findElements(By.cssSelector("tr.snapshot"))).hasSize(3);
        assertThat(chromium.driver().findElements(By.cssSelector("tr.run"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(chromium.driver().findElement(By.tagName("main")).getText())
                .contains("Rows per snapshot", "Rule results by status", "s13_2022-04-18_Made-With-ML_d3491f3");
        assertChartsDrawn(2);
        chromium.screenshot(SCREENSHOTS.resolve("dataset.png"));
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void aRunReportShowsItsResultsEvidenceAndProfileCharts() throws Exception {
        chromium.open(url("/"));
        chromium.driver().findElement(By.linkText("s16_2022-05-03_Made-With-ML_5c59a97")).click();

        assertThat(chromium.driver().getCurrentUrl()).matches(".*/runs/\\d+");
        String page = chromium.driver().findElement(By.tagName("main")).getText();
        assertThat(page).contains("Gate blocked: 1 error-severity result did not pass.",
                "text: 34 of 999 (3.4%) values missing", "s15_2022-05-02_Made-With-ML_578e612",
                "Tags per row in all", "Tag popularity in all", "Missing values per column and split");
        assertChartsDrawn(5);
        chromium.screenshot(SCREENSHOTS.resolve("run-report.png"));
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void theBrowserEnforcesThePolicyAnInlineScriptInjectedIntoAPageDoesNotRun() {
        chromium.open(url("/"));
        chromium.consoleErrors();

        Object ran = ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeScript(
                "const s = document.createElement('script'); s.textContent = 'window.injectedRan = true;';"
                        + " document.body.appendChild(s); return window.injectedRan === true;");

        assertThat(ran).isEqualTo(false);
        assertThat(chromium.consoleErrors()).singleElement().asString()
                .contains("inline script violates the following Content Security Policy directive 'default-src 'none''",
                        "The action has been blocked.");
    }
}
