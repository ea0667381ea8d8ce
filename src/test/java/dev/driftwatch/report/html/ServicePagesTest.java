package dev.driftwatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ServicePagesTest {
    private static final Instant AT = Instant.parse("2026-11-25T16:44:13.225757Z");

    @Test
    void theOverviewLinksEveryDatasetToItsPageAndItsLatestRunAndCountsTheBlockedOnes() {
        String html = OverviewPage.document(List.of(
                new DatasetState("madewithml", "fail", true, "s16", 6L, AT, 3, null),
                new DatasetState("pima", "warn", false, "pima-03.csv", 8L, AT, 3, null),
                new DatasetState("broken", null, false, null, null, null, 0, "rules/broken.yaml:3: layou: unknown key")), "/");

        assertThat(html).contains("1 of 3 datasets block their gate.");
        assertThat(html).contains("<a href=\"/datasets/madewithml\"><b>madewithml</b></a>", "<a href=\"/runs/6\">s16</a>");
        assertThat(html).contains("2026-11-25 16:44:13 UTC");
        assertThat(html).contains("rules/broken.yaml:3: layou: unknown key", "no run yet");
        List<String> bars = SvgDocuments.elements(SvgDocuments.parse(SvgDocuments.all(html).get(0)), "rect").stream()
                .filter(r -> r.getElementsByTagNameNS("*", "title").getLength() > 0).map(Element::getTextContent).toList();
        assertThat(bars).containsExactly("pass · datasets: 0", "warn · datasets: 1", "fail · datasets: 1", "error · datasets: 1",
                "no run yet · datasets: 0");
    }

    @Test
    void theOverviewListsEachFailingRuleWorstFirstWithTheColumnsItFailedOn() {
        List<DatasetState.FailingRule> failing = List.of(
                new DatasetState.FailingRule("lab-values-measured", "warn", "Insulin"),
                new DatasetState.FailingRule("drift", "fail", "age in test"),
                new DatasetState.FailingRule("drift", "fail", "hours"),
                new DatasetState.FailingRule("drift", "warn", "fnlwgt"),
                new DatasetState.FailingRule("drift", "fail", "race"),
                new DatasetState.FailingRule("row-count", "error", null));
        String html = OverviewPage.document(List.of(new DatasetState("adult", "error", true, "s2", 2L, AT, 2, null, failing)), "/");

        assertThat(html).contains("<ul class=\"failing\"><li class=\"failing-rule\"><span class=\"badge error\">error</span> <b>row-count</b></li>"
                + "<li class=\"failing-rule\"><span class=\"badge fail\">fail</span> <b>drift</b> <span class=\"sub\">on <code>age in test</code> "
                + "<code>hours</code> <code>fnlwgt</code> and 1 more</span></li>"
                + "<li class=\"failing-rule\"><span class=\"badge warn\">warn</span> <b>lab-values-measured</b> <span class=\"sub\">on "
                + "<code>Insulin</code></span></li></ul>");
    }

    @Test
    void theDatasetHistoryDrawsRowsStatusesAndTheColumnsThatMissMost() {
        List<HistoryPoint> history = List.of(
                new HistoryPoint("s1", 965.0, Map.of("pass", 4L), Map.of("text", 0.0, "title", 0.0)),
                new HistoryPoint("s2", 999.0, Map.of("pass", 3L, "fail", 1L), Map.of("text", 34.0 / 999, "title", 0.0)));

        String html = DatasetPage.document(new DatasetState("madewithml", "fail", true, "s2", 2L, AT, 2, null), history,
                List.of(new SnapshotLine("s2", "fdb7f92afcd2aaaa", "/data/s2", 421_698, AT)),
                List.of(new RunLine(2, "s2", "schedule", "succeeded", "fail", true, AT, AT, null)), "/");

        List<String> charts = SvgDocuments.all(html);
        assertThat(charts).hasSize(3);
        assertThat(SvgDocuments.elements(SvgDocuments.parse(charts.get(1)), "polyline")).hasSize(4);
        assertThat(SvgDocuments.elements(SvgDocuments.parse(charts.get(2)), "circle")).extracting(Element::getTextContent)
                .containsExactly("s1 · text: 0%", "s2 · text: 3.4%");
        assertThat(html).contains("<a href=\"/runs/2\">#2</a>", "421.7 kB", "<code>fdb7f92afcd2</code>");
    }

    @Test
    void aHistoryWithSkippedResultsDrawsThemAsAFifthNeutralLine() {
        List<HistoryPoint> history = List.of(
                new HistoryPoint("s1", 768.0, Map.of("pass", 1L, "skipped", 2L), Map.of()),
                new HistoryPoint("s2", 768.0, Map.of("pass", 3L), Map.of()));

        String html = DatasetPage.document(new DatasetState("pima", "pass", false, "s2", 2L, AT, 2, null), history,
                List.of(), List.of(), "/");

        var statuses = SvgDocuments.parse(SvgDocuments.all(html).get(1));
        assertThat(SvgDocuments.elements(statuses, "polyline")).hasSize(5)
                .last().satisfies(line -> assertThat(line.getAttribute("stroke")).isEqualTo("#cbd5e1"));
        assertThat(SvgDocuments.elements(statuses, "text")).extracting(Element::getTextContent).contains("skipped");
    }

    @Test
    void aDatasetWithoutRunsSaysSoInsteadOfDrawingEmptyCharts() {
        String html = DatasetPage.document(new DatasetState("empty", null, false, null, null, null, 0, null), List.of(),
                List.of(), List.of(), "/");

        assertThat(html).contains("No run yet.");
        assertThat(SvgDocuments.all(html)).isEmpty();
    }
}
