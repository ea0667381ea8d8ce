package dev.driftwatch.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Horizontal bars, one row per category and one bar per series in it, with an optional marker line (a
 * threshold or a cut-off). Rendered as inline SVG that scales to its container. Not thread-safe while
 * being configured; {@link #svg()} does not change it.
 */
public final class BarChart {
    private static final double WIDTH = 620;
    private static final double TOP = 24;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private NumberStyle style = NumberStyle.COUNT;
    private List<String> categoryColours;
    private Double marker;
    private String markerLabel;

    private BarChart(List<String> categories) {
        this.categories = List.copyOf(categories);
    }

    /** A chart with these category labels, drawn top to bottom in this order. */
    public static BarChart of(List<String> categories) {
        return new BarChart(categories);
    }

    public BarChart series(String name, List<Double> values) {
        if (values.size() != categories.size()) {
            throw new IllegalArgumentException("expected " + categories.size() + " values but found " + values.size());
        }
        series.add(new Series(name, values, null));
        return this;
    }

    /** A series drawn in a given CSS colour. */
    public BarChart series(String name, List<Double> values, String colour) {
        series(name, values);
        Series last = series.remove(series.size() - 1);
        series.add(new Series(last.name(), last.values(), colour));
        return this;
    }

    /** One colour per category (e.g. a status colour), used when the chart has a single series. */
    public BarChart categoryColours(List<String> colours) {
        if (colours.size() != categories.size()) {
            throw new IllegalArgumentException("expected " + categories.size() + " colours but found " + colours.size());
        }
        this.categoryColours = List.copyOf(colours);
        return this;
    }

    public BarChart style(NumberStyle style) {
        this.style = Objects.requireNonNull(style);
        return this;
    }

    /** A vertical line at {@code value}, labelled (e.g. "max 5%" or "min frequency 75"). */
    public BarChart marker(double value, String label) {
        this.marker = value;
        this.markerLabel = label;
        return this;
    }

    public String svg() {
        double largest = series.stream().mapToDouble(Series::largest).max().orElse(0);
        Axis axis = Axis.covering(marker == null ? largest : Math.max(largest, marker), style);
        int longest = categories.stream().mapToInt(String::length).max().orElse(4);
        double left = Math.min(240, 16 + longest * 6.6);
        double right = 64;
        double plot = WIDTH - left - right;
        double bar = series.size() > 1 ? 11 : 16;
        double row = bar * series.size() + 8;
        double height = TOP + row * categories.size() + 22;
        var svg = new SvgCanvas(WIDTH, height, "Bar chart: " + String.join(", ", series.stream().map(Series::name).toList()));
        for (double tick : axis.ticks()) {
            double x = left + axis.fraction(tick) * plot;
            svg.line(x, TOP - 4, x, height - 20, Palette.GRID, 1);
            svg.text(x, height - 6, axis.label(tick), "middle", "tick");
        }
        svg.legend(series.size() > 1 ? series.stream().map(Series::name).toList() : List.of(), Series.colours(series), left, 14);
        for (int c = 0; c < categories.size(); c++) {
            double y = TOP + c * row + 4;
            svg.text(left - 8, y + row / 2 - 2, clip(categories.get(c), 36), "end", "label");
            for (int s = 0; s < series.size(); s++) {
                Double value = series.get(s).values().get(c);
                if (value == null) {
                    continue;
                }
                double w = Math.max(value > 0 ? 1.5 : 0, axis.fraction(value) * plot);
                double by = y + s * bar;
                String colour = categoryColours != null && series.size() == 1 ? categoryColours.get(c) : series.get(s).colour(s);
                svg.rect(left, by, w, bar - 2, colour,
                        categories.get(c) + " · " + series.get(s).name() + ": " + style.format(value));
                svg.text(left + w + 4, by + bar - 4, style.format(value), "start", "value");
            }
        }
        if (marker != null) {
            double x = left + axis.fraction(marker) * plot;
            svg.dashed(x, TOP - 6, x, height - 20, Palette.MARKER);
            svg.text(x + 4, TOP - 10, markerLabel == null ? style.format(marker) : markerLabel, "start", "marker");
        }
        return svg.toString();
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Override
    public String toString() {
        return "BarChart" + categories;
    }
}
