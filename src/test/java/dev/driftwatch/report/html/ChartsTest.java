package dev.driftwatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ChartsTest {
    private static List<Element> bars(Document svg) {
        return SvgDocuments.elements(svg, "rect").stream().filter(r -> r.getElementsByTagNameNS("*", "title").getLength() > 0).toList();
    }

    @Test
    void barLengthsAreProportionalToTheValuesAndTheMarkerSitsAtItsValue() {
        Document svg = SvgDocuments.parse(BarChart.of(List.of("a", "b", "c"))
                .series("train", Arrays.asList(10.0, 20.0, 40.0)).marker(20, "min frequency 20").svg());

        List<Element> bars = bars(svg);
        assertThat(bars).hasSize(3);
        double a = SvgDocuments.number(bars.get(0), "width");
        assertThat(SvgDocuments.number(bars.get(1), "width")).isCloseTo(2 * a, offset(0.2));
        assertThat(SvgDocuments.number(bars.get(2), "width")).isCloseTo(4 * a, offset(0.2));
        Element marker = SvgDocuments.elements(svg, "line").stream().filter(l -> l.hasAttribute("stroke-dasharray")).findFirst().orElseThrow();
        double left = SvgDocuments.number(bars.get(1), "x");
        assertThat(SvgDocuments.number(marker, "x1") - left).isCloseTo(SvgDocuments.number(bars.get(1), "width"), offset(0.2));
        assertThat(bars.get(2).getTextContent()).isEqualTo("c · train: 40");
        assertThat(svg.getDocumentElement().getTextContent()).contains("min frequency 20");
    }

    @Test
    void aMissingValueDrawsNoBarAndEachSeriesGetsItsOwnColour() {
        Document svg = SvgDocuments.parse(BarChart.of(List.of("x", "y")).style(NumberStyle.PERCENT)
                .series("train", Arrays.asList(0.5, null)).series("test", Arrays.asList(0.25, 0.125)).svg());

        List<Element> bars = bars(svg);
        assertThat(bars).extracting(Element::getTextContent)
                .containsExactly("x · train: 50%", "x · test: 25%", "y · test: 12.5%");
        assertThat(bars.get(0).getAttribute("fill")).isNotEqualTo(bars.get(1).getAttribute("fill"));
        assertThat(bars.get(1).getAttribute("fill")).isEqualTo(bars.get(2).getAttribute("fill"));
    }

    @Test
    void histogramBarsStandOnTheBaselineWithHeightsInProportion() {
        Document svg = SvgDocuments.parse(Histogram.of(List.of("0", "1", "2", "3"))
                .series("current", List.of(1.0, 3.0, 2.0, 0.0)).series("reference", List.of(2.0, 2.0, 2.0, 2.0)).svg());

        List<Element> bars = bars(svg);
        assertThat(bars).hasSize(8);
        double one = SvgDocuments.number(bars.get(0), "height");
        assertThat(SvgDocuments.number(bars.get(2), "height")).isCloseTo(3 * one, offset(0.2));
        double baseline = SvgDocuments.number(bars.get(0), "y") + one;
        assertThat(SvgDocuments.number(bars.get(2), "y") + SvgDocuments.number(bars.get(2), "height")).isCloseTo(baseline, offset(0.2));
        assertThat(bars.get(7).getTextContent()).isEqualTo("3 · reference: 2");
    }

    @Test
    void aLineBreaksWhereAValueIsMissing() {
        Document svg = SvgDocuments.parse(LineChart.of(List.of("s1", "s2", "s3", "s4", "s5"))
                .series("rows", Arrays.asList(100.0, 200.0, null, 300.0, 400.0)).svg());

        assertThat(SvgDocuments.elements(svg, "circle")).hasSize(4);
        List<Element> lines = SvgDocuments.elements(svg, "polyline");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).getAttribute("points").trim().split(" ")).hasSize(2);
    }

    @Test
    void labelsAreEscapedAndAWrongNumberOfValuesIsRefused() {
        String svg = BarChart.of(List.of("<b>&\"")).series("s", List.of(1.0)).svg();
        assertThat(SvgDocuments.parse(svg).getDocumentElement().getTextContent()).contains("<b>&\"");

        assertThatThrownBy(() -> Histogram.of(List.of("a", "b")).series("s", List.of(1.0)))
                .hasMessage("expected 2 values but found 1");
    }

    @Test
    void axesEndOnARoundNumberAboveTheLargestValue() {
        assertThat(Axis.covering(37, NumberStyle.COUNT).max()).isEqualTo(40);
        assertThat(Axis.covering(0.487, NumberStyle.PERCENT).max()).isEqualTo(0.5);
        assertThat(Axis.covering(0, NumberStyle.COUNT).max()).isEqualTo(1);
        assertThat(Axis.covering(999, NumberStyle.COUNT).ticks()).containsExactly(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0);
        assertThat(Axis.covering(0.95, NumberStyle.PERCENT).ticks()).extracting(NumberStyle.PERCENT::format)
                .containsExactly("0%", "20%", "40%", "60%", "80%", "100%");
    }
}
