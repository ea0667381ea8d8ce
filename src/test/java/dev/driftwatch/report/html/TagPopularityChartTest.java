package dev.driftwatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.driftwatch.report.ExampleRuns;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The tag popularity chart of the real Made With ML snapshot s01 with the course's cut at 75 rows
 * (Python over projects.json: 23 tags reach 75; kept last: embeddings 75, bert 77; dropped first:
 * generative-adversarial-networks 73, object-detection 69, dataset 64).
 */
class TagPopularityChartTest {
    @Test
    void theCutOffLineSitsBetweenTheTagsThatJustMadeItAndThoseThatJustMissedIt() {
        String html = RunReportPage.document(ExampleRuns.run("src/test/resources/report-tags/madewithml-s01.yaml",
                "src/test/resources/datasets/madewithml-s01/projects.json", null), null, null, "");

        String card = html.substring(html.indexOf("<h3>Tag popularity in all</h3>"));
        card = card.substring(0, card.indexOf("</div>"));
        assertThat(card).contains("2,528 distinct tags. 2,505 fall below the minimum frequency of 75."
                + " 2,215 are outside the vocabulary.");
        Document svg = SvgDocuments.parse(SvgDocuments.all(card).get(0));
        assertThat(svg.getDocumentElement().getTextContent()).contains("min frequency 75");

        Map<String, Element> bars = SvgDocuments.elements(svg, "rect").stream().filter(r -> r.getTextContent().contains(" · "))
                .collect(Collectors.toMap(r -> r.getTextContent().split(" · ")[0], Function.identity()));
        assertThat(bars).containsKeys("code", "embeddings", "generative-adversarial-networks", "object-detection", "dataset");
        Element line = SvgDocuments.elements(svg, "line").stream().filter(l -> l.hasAttribute("stroke-dasharray"))
                .findFirst().orElseThrow();
        double cut = SvgDocuments.number(line, "x1");
        assertThat(end(bars.get("embeddings"))).as("75 rows: on the line").isCloseTo(cut, offset(0.2));
        for (String missed : List.of("generative-adversarial-networks", "object-detection", "dataset")) {
            assertThat(end(bars.get(missed))).as(missed).isLessThan(cut - 0.2);
        }
        assertThat(end(bars.get("code"))).isGreaterThan(cut);
    }

    private static double end(Element bar) {
        return SvgDocuments.number(bar, "x") + SvgDocuments.number(bar, "width");
    }
}
