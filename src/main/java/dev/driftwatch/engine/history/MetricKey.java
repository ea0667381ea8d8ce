package dev.driftwatch.engine.history;

import java.util.Objects;

/**
 * Which figure of a dataset's profiles a history follows.
 *
 * @param metric the figure
 * @param split  the split, or null for the whole snapshot
 * @param column the column, or null for figures of a split or snapshot
 * @param value  the metric's argument (a quantile's rank, a category, a tag), or null
 */
public record MetricKey(ProfileMetric metric, String split, String column, String value) {
    public MetricKey {
        Objects.requireNonNull(metric, "metric");
        if (metric.needsColumn() && column == null) {
            throw new IllegalArgumentException("column: metric " + metric.id() + " needs a column but found none");
        }
        if (metric.needsValue() && value == null) {
            throw new IllegalArgumentException("value: metric " + metric.id() + " needs a value but found none");
        }
        if (metric == ProfileMetric.QUANTILE) {
            double rank = rank(value);
            if (!(rank >= 0 && rank <= 1)) {
                throw new IllegalArgumentException("value: expected a quantile rank between 0 and 1 but found " + value);
            }
        }
    }

    private static double rank(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
