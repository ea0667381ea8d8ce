package dev.driftwatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.run.RunReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The run report's "Drift per column" charts draw, for each method, the quantity a drift result is judged by,
 * so that the drifted column has the longest bar: 1 - the adjusted p-value of a test, the distance of an effect
 * size. Before, passing columns drew full bars at p = 1 and the drifted column (p near 0) an empty one.
 */
class DriftChartTest {
    @TempDir
    Path dir;

    private static String csv(String header, int rows, java.util.function.IntFunction<String> row) {
        return header + "\n" + IntStream.range(0, rows).mapToObj(row).collect(Collectors.joining("\n")) + "\n";
    }

    /** x shifts by 30 in test, y does not change; as many rows as given. */
    private RunReport run(int rows, String method) {
        return RuleFixture.csv(dir, """
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                reference: {split: train}
                columns: {numeric: [x, y]}
                rules:
                  - {name: drift, kind: distribution_shift, method: %s}
                """.formatted(method)).snapshot("s1", Map.of(
                "train.csv", csv("x,y", rows, i -> i + "," + i),
                "test.csv", csv("x,y", rows, i -> (i + 30) + "," + i))).run("s1");
    }

    private static List<Element> bars(String html, String heading) {
        int card = html.indexOf("<h3>" + heading + "</h3>");
        assertThat(card).as(heading).isPositive();
        String svg = SvgDocuments.all(html.substring(card)).get(0);
        Document document = SvgDocuments.parse(svg);
        return SvgDocuments.elements(document, "rect").stream()
                .filter(r -> r.getElementsByTagNameNS("*", "title").getLength() > 0).toList();
    }

    private static double marker(String html, String heading) {
        String svg = SvgDocuments.all(html.substring(html.indexOf("<h3>" + heading + "</h3>"))).get(0);
        Document document = SvgDocuments.parse(svg);
        Element line = SvgDocuments.elements(document, "line").stream().filter(l -> l.hasAttribute("stroke-dasharray"))
                .findFirst().orElseThrow();
        return SvgDocuments.number(line, "x1");
    }

    @Test
    void theDriftedColumnHasTheLongestBarOfOneMinusItsAdjustedPValue() {
        // SciPy: ks_2samp(arange(200), arange(200) + 30) -> p 0.0220923622208589; y is identical -> p 1.0.
        // Benjamini-Hochberg over the two (stats.false_discovery_control): x 0.04418472, y 1.0: bars 0.9558 and 0.
        String html = RunReportPage.document(run(200, "ks"), null, null, "");
        String heading = "Drift per column: ks (1 − adjusted p-value)";
        List<Element> bars = bars(html, heading);
        assertThat(bars).extracting(Element::getTextContent)
                .containsExactly("x (test) · ks: 1 − adjusted p-value: 0.956", "y (test) · ks: 1 − adjusted p-value: 0");
        double x = SvgDocuments.number(bars.get(0), "width");
        assertThat(x).isPositive();
        assertThat(SvgDocuments.number(bars.get(1), "width")).isCloseTo(0, offset(0.5));
        // the marker sits at 1 - 0.05: the x bar ends just beyond it
        double left = SvgDocuments.number(bars.get(0), "x");
        assertThat(marker(html, heading) - left).isCloseTo(x * 0.95 / 0.9558152755582822, offset(0.5));
        assertThat(html).contains("higher is more drift");
    }

    @Test
    void anEffectSizeChartsItsDistance() {
        // SciPy: wasserstein_distance(arange(1500), arange(1500) + 30) / std(arange(1500), ddof=1) -> 0.06925894983258167
        String html = RunReportPage.document(run(1500, "wasserstein"), null, null, "");
        List<Element> bars = bars(html, "Drift per column: wasserstein (distance)");
        assertThat(bars).extracting(Element::getTextContent)
                .containsExactly("x (test) · wasserstein: distance: 0.0693", "y (test) · wasserstein: distance: 0");
        assertThat(SvgDocuments.number(bars.get(0), "width")).isGreaterThan(SvgDocuments.number(bars.get(1), "width"));
    }
}
