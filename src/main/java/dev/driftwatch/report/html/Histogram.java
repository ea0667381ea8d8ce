package dev.driftwatch.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Vertical bars over ordered bins (numeric ranges, or counts such as "tags per row"), one bar per series
 * in each bin, so a current distribution and its reference sit side by side. Inline SVG that scales to
 * its container. Not thread-safe while being configured.
 */
public final class Histogram {
    private static final double WIDTH = 560;
    private static final double HEIGHT = 260;
    private static final double LEFT = 56;
    private static final double TOP = 26;
    private final List<String> bins;
    private final List<Series> series = new ArrayList<>();
    private NumberStyle style = NumberStyle.COUNT;

    private Histogram(List<String> bins) {
        this.bins = List.copyOf(bins);
    }

    /** A histogram over these bin labels, drawn left to right. */
    public static Histogram of(List<String> bins) {
        return new Histogram(bins);
    }

    public Histogram series(String name, List<Double> values) {
        if (values.size() != bins.size()) {
            throw new IllegalArgumentException("expected " + bins.size() + " values but found " + values.size());
        }
        series.add(new Series(name, values, null));
        return this;
    }

    public Histogram style(NumberStyle style) {
        this.style = Objects.requireNonNull(style);
        return this;
    }

    public String svg() {
        Axis axis = Axis.covering(series.stream().mapToDouble(Series::largest).max().orElse(0), style);
        boolean rotate = bins.size() > 12 || bins.stream().anyMatch(b -> b.length() > 6);
        double bottom = rotate ? 64 : 24;
        double plotHeight = HEIGHT - TOP - bottom;
        double plotWidth = WIDTH - LEFT - 12;
        double slot = plotWidth / Math.max(1, bins.size());
        double bar = (slot - 2) / Math.max(1, series.size());
        var svg = new SvgCanvas(WIDTH, HEIGHT, "Histogram: " + String.join(", ", series.stream().map(Series::name).toList()));
        for (double tick : axis.ticks()) {
            double y = TOP + plotHeight * (1 - axis.fraction(tick));
            svg.line(LEFT, y, WIDTH - 12, y, Palette.GRID, 1);
            svg.text(LEFT - 6, y + 4, axis.label(tick), "end", "tick");
        }
        svg.legend(series.stream().map(Series::name).toList(), Series.colours(series), LEFT, 14);
        int labelEvery = Math.max(1, (int) Math.ceil(bins.size() / (rotate ? 24.0 : 12.0)));
        for (int b = 0; b < bins.size(); b++) {
            double x = LEFT + b * slot + 1;
            for (int s = 0; s < series.size(); s++) {
                Double value = series.get(s).values().get(b);
                if (value == null) {
                    continue;
                }
                double h = axis.fraction(value) * plotHeight;
                svg.rect(x + s * bar, TOP + plotHeight - h, Math.max(1, bar - 0.5), h, series.get(s).colour(s), 0.85,
                        bins.get(b) + " · " + series.get(s).name() + ": " + style.format(value));
            }
            if (b % labelEvery == 0) {
                if (rotate) {
                    svg.rotatedText(x + slot / 2, TOP + plotHeight + 12, BarChart.clip(bins.get(b), 14));
                } else {
                    svg.text(x + slot / 2, TOP + plotHeight + 16, bins.get(b), "middle", "tick");
                }
            }
        }
        svg.line(LEFT, TOP + plotHeight, WIDTH - 12, TOP + plotHeight, Palette.INK, 1);
        return svg.toString();
    }
}
