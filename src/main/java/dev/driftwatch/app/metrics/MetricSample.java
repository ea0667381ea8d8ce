package dev.driftwatch.app.metrics;

import io.micrometer.core.instrument.Tags;
import java.util.Objects;

/**
 * One value of one gauge series, as computed from a run: the Prometheus name (already in its final
 * form, e.g. {@code driftwatch_split_rows}), its HELP text, its labels and its value.
 *
 * @param value finite; a sample whose value would be NaN or infinite is never created
 */
public record MetricSample(String name, String help, Tags tags, double value) {
    public MetricSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(tags, "tags");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("expected a finite value for " + name + " but found " + value);
        }
    }
}
