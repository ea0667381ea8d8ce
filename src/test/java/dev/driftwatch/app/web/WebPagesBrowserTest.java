package dev.driftwatch.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
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
    private final Path root = TemporaryFolders.create("driftwatch-web");

    @Inject
    EmbeddedServer server;
    @Inject
    DatasetWatch watch;

    private HeadlessChromium chromium;

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
        assertThat(madeWithMl.findElements(By.cssSelector("li.failing-rule")).stream().map(WebElement::getText).toList())
                .containsExactly("FAIL text-present on text in all");
        assertChartsDrawn(1);
        chromium.screenshot(SCREENSHOTS.resolve("overview.png"));
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void aDatasetPageShowsItsHistorySnapshotsAndRuns() throws Exception {
        chromium.open(url("/"));
        chromium.follow(By.linkText("madewithml"), HeadlessChromium.endingWith("/datasets/madewithml"));
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
        chromium.follow(By.linkText("s16_2022-05-03_Made-With-ML_5c59a97"), ".*/runs/\\d+");
        String page = chromium.driver().findElement(By.tagName("main")).getText();
        assertThat(page).contains("Gate blocked: 1 error-severity result did not pass.",
                "text: 34 of 999 (3.4%) values missing", "s15_2022-05-02_Made-With-ML_578e612",
                "Tags per row in all", "Tag popularity in all", "Missing values per column and split");
        assertThat(chromium.driver().findElements(By.cssSelector("table.failing tr[data-status]"))).hasSize(1);
        WebElement passing = chromium.driver().findElement(By.cssSelector("details.passing"));
        assertThat(passing.getAttribute("open")).isNull();
        assertThat(passing.findElement(By.tagName("table")).isDisplayed()).isFalse();
        passing.findElement(By.tagName("summary")).click();
        assertThat(passing.findElement(By.tagName("table")).isDisplayed()).isTrue();
        assertChartsDrawn(5);
        chromium.screenshot(SCREENSHOTS.resolve("run-report.png"));
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    private List<String> chartTitles() {
        return chromium.driver().findElements(By.cssSelector("svg.chart title")).stream()
                .map(t -> t.getAttribute("textContent")).toList();
    }

    @Test
    @Order(5)
    void aColumnsHistoryChartsItsMissingShareAndQuantilesAcrossSnapshotsFromTheStoredProfiles() throws Exception {
        chromium.open(url("/datasets/pima"));
        chromium.follow(By.linkText("Insulin"), HeadlessChromium.endingWith("/datasets/pima/columns?column=Insulin"));
        // python3 csv over pima-0{1,2,3}.csv, 0/?/N/A/NA/empty counted missing: 132 of 256, 248 of 512, 374 of 768;
        // medians of the rest (statistics.median) 128.5, 120, 125
        assertThat(chartTitles()).contains("pima-01.csv · missing: 51.6%", "pima-02.csv · missing: 48.4%",
                "pima-03.csv · missing: 48.7%", "pima-01.csv · p50: 128.5", "pima-02.csv · p50: 120", "pima-03.csv · p50: 125");
        assertThat(chromium.driver().findElement(By.tagName("main")).getText())
                .contains("Missing share", "Mean and quantiles in all", "Distinct values per split");
        assertChartsDrawn(3);
        chromium.screenshot(SCREENSHOTS.resolve("column-history.png"));
        assertThat(chromium.consoleErrors()).isEmpty();

        chromium.open(url("/datasets/madewithml/columns?column=text"));
        // python3 json over each projects.json, text null or blank: 0 of 965, 34 of 999, 34 of 999
        assertThat(chartTitles()).contains("s13_2022-04-18_Made-With-ML_d3491f3 · missing: 0%",
                "s15_2022-05-02_Made-With-ML_578e612 · missing: 3.4%", "s16_2022-05-03_Made-With-ML_5c59a97 · missing: 3.4%");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    @Order(6)
    void twoSnapshotsPickedInTheDatasetsFormAreComparedWithRulesAndCharts() throws Exception {
        chromium.open(url("/datasets/madewithml"));
        chromium.driver().findElement(By.xpath("//select[@name='from']/option[.='s13_2022-04-18_Made-With-ML_d3491f3']")).click();
        chromium.driver().findElement(By.xpath("//select[@name='to']/option[.='s16_2022-05-03_Made-With-ML_5c59a97']")).click();
        chromium.follow(By.cssSelector("form.pick button"), HeadlessChromium.endingWith(
                "/datasets/madewithml/compare?from=s13_2022-04-18_Made-With-ML_d3491f3&to=s16_2022-05-03_Made-With-ML_5c59a97"));
        // 999 and 965 projects; text missing in 34 of s16's (python3 recount above), none of s13's
        assertThat(chromium.driver().findElement(By.tagName("main")).getText()).contains(
                "s16_2022-05-03_Made-With-ML_5c59a97 against s13_2022-04-18_Made-With-ML_d3491f3: 999 rows against 965.",
                "need the rows", "inputs-present, text-present.");
        assertThat(chartTitles()).contains("text · current: 3.4%", "text · reference: 0%");
        assertChartsDrawn(1);
        assertThat(chromium.consoleErrors()).isEmpty();

        chromium.driver().findElement(By.name("rows")).click();
        chromium.follow(By.cssSelector("form.pick button"), HeadlessChromium.endingWith("&rows=on"));
        assertThat(chromium.driver().findElement(By.tagName("main")).getText()).contains("text: 34 of 999 (3.4%) values missing")
                .doesNotContain("need the rows");
        assertThat(chromium.driver().findElements(By.cssSelector("table.failing tr[data-status=fail]"))).hasSize(1);
        assertThat(chromium.driver().findElement(By.cssSelector("details.passing summary")).getText()).isEqualTo("3 passed");
        assertChartsDrawn(1);
        chromium.screenshot(SCREENSHOTS.resolve("compare.png"));
        assertThat(chromium.consoleErrors()).isEmpty();

        chromium.open(url("/datasets/pima/compare?from=pima-01.csv&to=pima-03.csv"));
        assertThat(chromium.driver().findElement(By.tagName("main")).getText()).contains("Numeric columns against the reference",
                "Insulin in all", "; reference mean 164.9");  // python3: mean of pima-01's 124 measured Insulin values, 164.887
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    @Order(7)
    void anUnknownSnapshotToCompareIsNamedWithTheOnesThatExist() {
        chromium.open(url("/datasets/pima/compare?from=pima-09.csv&to=pima-03.csv"));

        assertThat(chromium.driver().findElement(By.cssSelector(".problem")).getText()).isEqualTo(
                "expected a snapshot of pima with a stored profile named 'pima-09.csv' but found only [pima-01.csv, pima-02.csv, pima-03.csv]");
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
