package dev.driftwatch.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How long stored runs are kept, under {@code driftwatch.retention.*} (environment variables
 * {@code DRIFTWATCH_RETENTION_...}); see {@code src/site/markdown/operations-limits.md}. With neither
 * {@code max-age} nor {@code keep-last} set, nothing is pruned.
 *
 * @param maxAge      a finished run older than this (by its end) expires; null: no age limit
 * @param keepLast    a dataset's finished runs beyond its newest this many expire; 0: no count limit
 * @param interval    how often the service prunes expired runs
 * @param keepHistory whether the run that marks a snapshot evaluated keeps its profile once expired, so that
 *                    {@code anomaly} rules keep seeing every snapshot; false: only the profiles later runs compare
 *                    with (the pinned baseline, the two newest snapshots) are kept
 */
@ConfigurationProperties("driftwatch.retention")
public record RetentionConfiguration(
        @Nullable Duration maxAge,
        @Bindable(defaultValue = "0") int keepLast,
        @Bindable(defaultValue = "1h") Duration interval,
        @Bindable(defaultValue = "true") boolean keepHistory) {

    public RetentionConfiguration {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("expected driftwatch.retention.max-age to be positive but found " + maxAge);
        }
        if (keepLast < 0) {
            throw new IllegalArgumentException("expected driftwatch.retention.keep-last to be 0 or more but found "
                    + keepLast);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("expected driftwatch.retention.interval to be positive but found "
                    + interval);
        }
    }

    /** Whether any run can expire. */
    public boolean enabled() {
        return maxAge != null || keepLast > 0;
    }
}
