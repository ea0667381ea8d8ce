package dev.driftwatch.engine.rule.anomaly;

import dev.driftwatch.engine.history.MetricKey;
import dev.driftwatch.engine.rule.ExpectedRange;
import java.math.BigDecimal;
import java.math.MathContext;

/** How anomaly results name a figure and write its numbers. */
final class FigureNames {
    private FigureNames() {
    }

    /** e.g. {@code missing_ratio of Age in train}, {@code tag_share 'nlp' in train}, {@code row_count of the snapshot}. */
    static String of(MetricKey key) {
        StringBuilder name = new StringBuilder(key.metric().id());
        if (key.value() != null) {
            name.append(" '").append(key.value()).append('\'');
        }
        if (key.column() != null) {
            name.append(" of ").append(key.column());
        }
        name.append(key.split() == null ? (key.column() == null ? " of the snapshot" : "") : " in " + key.split());
        return name.toString();
    }

    /** Six significant digits, no exponent for ordinary sizes. */
    static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String range(ExpectedRange range) {
        if (Double.isInfinite(range.lower())) {
            return "at most " + number(range.upper());
        }
        if (Double.isInfinite(range.upper())) {
            return "at least " + number(range.lower());
        }
        return "between " + number(range.lower()) + " and " + number(range.upper());
    }
}
