package dev.driftwatch.report.html;

import java.util.Locale;

/** How a chart writes its values: counts, shares in [0, 1] as percentages, or plain decimals. */
public enum NumberStyle {
    COUNT {
        @Override
        String format(double value) {
            return Math.abs(value) >= 10_000 ? String.format(Locale.ROOT, "%,.0fk", value / 1000)
                    : Html.number(value);
        }
    },
    PERCENT {
        @Override
        String format(double value) {
            double percent = Math.round(value * 1000) / 10.0;
            return String.format(Locale.ROOT, percent == Math.rint(percent) ? "%.0f%%" : "%.1f%%", percent);
        }
    },
    DECIMAL {
        @Override
        String format(double value) {
            return Html.number(value);
        }
    };

    abstract String format(double value);
}
