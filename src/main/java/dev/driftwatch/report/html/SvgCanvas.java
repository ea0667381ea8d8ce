package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;
import static dev.driftwatch.report.html.Html.px;

import java.util.List;

/**
 * The few SVG shapes the charts draw, written into one {@code <svg>} element that scales to the width of
 * its container (viewBox). Styles come from classes defined in {@link HtmlPage}'s stylesheet. Not thread-safe.
 */
final class SvgCanvas {
    private final StringBuilder out = new StringBuilder(4096);

    SvgCanvas(double width, double height, String description) {
        out.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(px(width)).append("\" height=\"")
                .append(px(height)).append("\" viewBox=\"0 0 ").append(px(width)).append(' ')
                .append(px(height)).append("\" role=\"img\" aria-label=\"").append(escape(description)).append("\">");
    }

    void line(double x1, double y1, double x2, double y2, String colour, double width) {
        out.append("<line x1=\"").append(px(x1)).append("\" y1=\"").append(px(y1)).append("\" x2=\"").append(px(x2))
                .append("\" y2=\"").append(px(y2)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(px(width)).append("\"/>");
    }

    void dashed(double x1, double y1, double x2, double y2, String colour) {
        out.append("<line x1=\"").append(px(x1)).append("\" y1=\"").append(px(y1)).append("\" x2=\"").append(px(x2))
                .append("\" y2=\"").append(px(y2)).append("\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>");
    }

    void rect(double x, double y, double w, double h, String fill, String tooltip) {
        rect(x, y, w, h, fill, 1, tooltip);
    }

    void rect(double x, double y, double w, double h, String fill, double opacity, String tooltip) {
        out.append("<rect x=\"").append(px(x)).append("\" y=\"").append(px(y)).append("\" width=\"").append(px(w))
                .append("\" height=\"").append(px(h)).append("\" fill=\"").append(fill).append('"');
        if (opacity < 1) {
            out.append(" fill-opacity=\"").append(px(opacity)).append('"');
        }
        out.append(" rx=\"1.5\"><title>").append(escape(tooltip)).append("</title></rect>");
    }

    void polyline(List<double[]> points, String colour) {
        out.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
        points.forEach(p -> out.append(px(p[0])).append(',').append(px(p[1])).append(' '));
        out.append("\"/>");
    }

    void dot(double x, double y, String colour, String tooltip) {
        out.append("<circle cx=\"").append(px(x)).append("\" cy=\"").append(px(y)).append("\" r=\"3.5\" fill=\"")
                .append(colour).append("\"><title>").append(escape(tooltip)).append("</title></circle>");
    }

    /** Text; {@code anchor} is start, middle or end; {@code kind} a CSS class (tick, label, value, marker, legend). */
    void text(double x, double y, String text, String anchor, String kind) {
        out.append("<text x=\"").append(px(x)).append("\" y=\"").append(px(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(kind).append("\">").append(escape(text)).append("</text>");
    }

    void rotatedText(double x, double y, String text) {
        out.append("<text transform=\"translate(").append(px(x)).append(',').append(px(y))
                .append(") rotate(-35)\" text-anchor=\"end\" class=\"tick\">").append(escape(text)).append("</text>");
    }

    /** A row of coloured swatches with series names, from (x, y). */
    void legend(List<String> names, List<String> colours, double x, double y) {
        double at = x;
        for (int i = 0; i < names.size(); i++) {
            out.append("<rect x=\"").append(px(at)).append("\" y=\"").append(px(y - 9)).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(colours.get(i)).append("\"/>");
            text(at + 14, y, names.get(i), "start", "legend");
            at += 28 + names.get(i).length() * 6.5;
        }
    }

    @Override
    public String toString() {
        return out + "</svg>";
    }
}
