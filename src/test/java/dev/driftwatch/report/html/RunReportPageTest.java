package dev.driftwatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.report.ExampleRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportPageTest {
    @Test
    void theReportIsOneSelfContainedDocumentThatLoadsNothing() {
        String html = RunReportPage.document(ExampleRuns.pima(), null, null, "");

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).doesNotContainPattern("(?i)<script|<img|<iframe|@import|url\\(");
        assertThat(html).doesNotContainPattern("(?i)<link(?![^>]*href=\"data:)");
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"https?:");
    }

    @Test
    void theHeaderNamesDatasetSnapshotProvenanceAndVerdict() {
        RunReport run = ExampleRuns.madeWithMl();

        String html = RunReportPage.document(run, null, null, "");

        assertThat(html).contains("<title>Driftwatch · madewithml · s16_2022-05-03_Made-With-ML_5c59a97</title>");
        assertThat(html).contains("Gate blocked: 1 error-severity result did not pass.");
        assertThat(html).contains(run.snapshot().fingerprint());
        assertThat(html).contains("<dt>Compared with</dt><dd>s15_2022-05-02_Made-With-ML_578e612</dd>");
        assertThat(html).contains("<dt>Rows</dt><dd>999</dd>");
        // awk 'END {print NR}' s16_…/projects.json -> 10004 (an array of 999 objects, one key per line)
        assertThat(html).contains("<dt>Lines read</dt><dd>10,004 (999 rows read, 0 rejected)</dd>");
    }

    @Test
    void theTimeTableListsEveryRuleSlowestFirst() {
        RunReport run = ExampleRuns.madeWithMl();

        String html = RunReportPage.document(run, null, null, "");

        String table = html.substring(html.indexOf("<table class=\"costs\">"));
        table = table.substring(0, table.indexOf("</table>"));
        List<String> order = run.timings().rules().stream()
                .sorted(java.util.Comparator.comparingLong((dev.driftwatch.engine.run.RuleCost r) -> r.total().wallNanos()).reversed())
                .map(dev.driftwatch.engine.run.RuleCost::rule).toList();
        assertThat(table.indexOf("<b>" + order.get(0) + "</b>")).isPositive()
                .isLessThan(table.indexOf("<b>" + order.get(1) + "</b>"));
        assertThat(html).contains("<h2>Time</h2>").contains("snapshot ").contains("rules ");
    }

    @Test
    void everyResultIsListedWorstFirstWithItsEvidence() {
        String html = RunReportPage.document(ExampleRuns.madeWithMl(), null, null, "");

        assertThat(html.split("<tr data-status=", -1)).hasSize(5);
        assertThat(html.indexOf("data-status=\"fail\"")).isLessThan(html.indexOf("data-status=\"pass\""));
        assertThat(html).contains("<summary>5 evidence rows</summary>");
        // the rules file pins 2 rules over 4 columns: text fails (34 of 999 missing), title, description and tags pass
        String failing = html.substring(html.indexOf("<table class=\"results failing\">"), html.indexOf("<details class=\"passing\">"));
        assertThat(failing.split("<tr data-status=", -1)).hasSize(2);
        assertThat(failing).contains("data-status=\"fail\"").doesNotContain("data-status=\"pass\"");
        assertThat(html).contains("<details class=\"passing\"><summary>3 passed</summary><table class=\"results passing\">");
        assertThat(html).contains("<code>projects.json:808</code> id <b>239</b>");
    }

    @Test
    void theChartsAreWellFormedInlineSvgWithShapes() {
        RunReport pima = ExampleRuns.pima();
        String html = RunReportPage.document(pima, ExampleRuns.run("src/test/resources/report/pima.yaml",
                "src/examples/pima/snapshots/pima-01.csv", null).profile(), null, "");

        List<String> charts = SvgDocuments.all(html);
        assertThat(charts).hasSizeGreaterThan(3);
        for (String chart : charts) {
            assertThat(SvgDocuments.elements(SvgDocuments.parse(chart), "rect")).isNotEmpty();
        }
        assertThat(html).contains("Missing values per column and split");
        assertThat(html).contains("Insulin · all: 48.7%");
        assertThat(html).contains("<h3>Glucose in all</h3>").contains("· reference: ");
        assertThat(html).doesNotContain("<h3>Outcome in all</h3>");
    }
}
