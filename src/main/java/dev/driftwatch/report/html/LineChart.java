package dev.driftwatch.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lines over ordered points (snapshots, oldest first), one line per series, on one value axis from zero;
 * a null value breaks the line. Inline SVG that scales to its container. Not thread-safe while being configured.
 */
public final class LineChart {
    private static final double WIDTH = 600;
    private static final double HEIGHT = 240;
    private static final double LEFT = 96;
    private static final double RIGHT = 24;
    private static final double TOP = 26;
    private final List<String> points;
    private final List<Series> series = new ArrayList<>();
    private NumberStyle style = NumberStyle.COUNT;

    private LineChart(List<String> points) {
        this.points = List.copyOf(points);
    }

    /** A chart over these point labels, drawn left to right. */
    public static LineChart of(List<String> points) {
        return new LineChart(points);
    }

    public LineChart series(String name, List<Double> values) {
        if (values.size() != points.size()) {
            throw new IllegalArgumentException("expected " + points.size() + " values but found " + values.size());
        }
        series.add(new Series(name, values, null));
        return this;
    }

    /** A series drawn in a given CSS colour (e.g. a status colour). */
    public LineChart series(String name, List<Double> values, String colour) {
        series(name, values);
        Series last = series.remove(series.size() - 1);
        series.add(new Series(last.name(), last.values(), colour));
        return this;
    }

    public LineChart style(NumberStyle style) {
        this.style = Objects.requireNonNull(style);
        return this;
    }

    public String svg() {
        Axis axis = Axis.covering(series.stream().mapToDouble(Series::largest).max().orElse(0), style);
        double bottom = 70;
        double plotHeight = HEIGHT - TOP - bottom;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double step = points.size() > 1 ? plotWidth / (points.size() - 1) : 0;
        var svg = new SvgCanvas(WIDTH, HEIGHT, "Line chart: " + String.join(", ", series.stream().map(Series::name).toList()));
        for (double tick : axis.ticks()) {
            double y = TOP + plotHeight * (1 - axis.fraction(tick));
            svg.line(LEFT, y, WIDTH - RIGHT, y, Palette.GRID, 1);
            svg.text(LEFT - 6, y + 4, axis.label(tick), "end", "tick");
        }
        svg.legend(series.stream().map(Series::name).toList(), Series.colours(series), LEFT, 14);
        int labelEvery = Math.max(1, (int) Math.ceil(points.size() / 16.0));
        for (int p = 0; p < points.size(); p += labelEvery) {
            svg.rotatedText(x(p, step), TOP + plotHeight + 12, BarChart.clip(points.get(p), 16));
        }
        for (int s = 0; s < series.size(); s++) {
            List<double[]> run = new ArrayList<>();
            for (int p = 0; p < points.size(); p++) {
                Double value = series.get(s).values().get(p);
                if (value == null) {
                    draw(svg, run, s);
                    run = new ArrayList<>();
                    continue;
                }
                double y = TOP + plotHeight * (1 - axis.fraction(value));
                run.add(new double[] {x(p, step), y});
                svg.dot(x(p, step), y, series.get(s).colour(s), points.get(p) + " · " + series.get(s).name() + ": " + style.format(value));
            }
            draw(svg, run, s);
        }
        return svg.toString();
    }

    private double x(int point, double step) {
        return points.size() == 1 ? LEFT + (WIDTH - LEFT - RIGHT) / 2 : LEFT + point * step;
    }

    private void draw(SvgCanvas svg, List<double[]> run, int s) {
        if (run.size() > 1) {
            svg.polyline(run, series.get(s).colour(s));
        }
    }
}
