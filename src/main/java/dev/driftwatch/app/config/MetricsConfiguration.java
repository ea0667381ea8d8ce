package dev.driftwatch.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How many series the Prometheus gauges may have, under {@code driftwatch.metrics.*} (environment variables
 * {@code DRIFTWATCH_METRICS_...}).
 *
 * @param maxColumnsPerDataset the columns of one dataset with series of their own (per-column gauges: missing ratio,
 *                             distinct values, rule results of a column, drift); the others have none, and
 *                             {@code driftwatch_metric_columns_dropped{dataset}} counts them
 */
@ConfigurationProperties("driftwatch.metrics")
public record MetricsConfiguration(@Bindable(defaultValue = "200") int maxColumnsPerDataset) {

    public MetricsConfiguration {
        if (maxColumnsPerDataset < 0) {
            throw new IllegalArgumentException("expected driftwatch.metrics.max-columns-per-dataset to be 0 or more but "
                    + "found " + maxColumnsPerDataset);
        }
    }
}
