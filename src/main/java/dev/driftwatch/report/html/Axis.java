package dev.driftwatch.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear value axis from zero to a round maximum, with four or five ticks. Immutable.
 *
 * @param max   the value at the end of the axis (at least the largest value drawn)
 * @param step  the distance between ticks
 * @param style how tick labels are written
 */
record Axis(double max, double step, NumberStyle style) {
    static Axis covering(double largest, NumberStyle style) {
        if (!(largest > 0) || Double.isInfinite(largest)) {
            return style == NumberStyle.PERCENT ? new Axis(0.01, 0.0025, style) : new Axis(1, 0.25, style);
        }
        double step = niceStep(largest / 5);
        if (style == NumberStyle.COUNT) {
            step = Math.max(1, step);
        }
        return new Axis(Math.ceil(largest / step - 1e-9) * step, step, style);
    }

    private static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (double t = 0; t <= max + step / 1000; t += step) {
            ticks.add(Math.round(t / step) * step);
        }
        return ticks;
    }

    /** The position of a value in [0, 1] along the axis. */
    double fraction(double value) {
        return max == 0 ? 0 : Math.max(0, Math.min(1, value / max));
    }

    String label(double value) {
        return style.format(value);
    }
}
