package dev.driftwatch.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The service's limits, under {@code driftwatch.limits.*} (environment variables {@code DRIFTWATCH_LIMITS_...}),
 * so that one dataset cannot take the service down. The limits of reading (line length, columns, decompressed
 * bytes) are rules-file keys of each dataset instead; see {@code src/site/markdown/operations-limits.md}.
 *
 * @param runRequestsPerMinute runs one dataset may be asked for through the API per minute (a bucket of this many
 *                             requests that refills evenly over a minute); beyond it a request answers 429
 * @param maxRunTime           how long one run may take before it is cancelled and stored as failed, unless the
 *                             dataset's {@code schedule.max_run_time} says otherwise
 * @param retryBackoff         how long the schedule waits before it tries a failed snapshot version again; the
 *                             wait doubles after each failure
 * @param maxRetryBackoff      the longest such wait
 */
@ConfigurationProperties("driftwatch.limits")
public record LimitsConfiguration(
        @Bindable(defaultValue = "6") int runRequestsPerMinute,
        @Bindable(defaultValue = "30m") Duration maxRunTime,
        @Bindable(defaultValue = "1m") Duration retryBackoff,
        @Bindable(defaultValue = "1h") Duration maxRetryBackoff) {

    public LimitsConfiguration {
        if (runRequestsPerMinute < 1) {
            throw new IllegalArgumentException("expected driftwatch.limits.run-requests-per-minute to be at least 1 but found "
                    + runRequestsPerMinute);
        }
        if (maxRunTime == null || maxRunTime.isNegative() || maxRunTime.isZero()) {
            throw new IllegalArgumentException("expected driftwatch.limits.max-run-time to be positive but found " + maxRunTime);
        }
        if (retryBackoff == null || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("expected driftwatch.limits.retry-backoff to be 0 or more but found " + retryBackoff);
        }
        if (maxRetryBackoff == null || maxRetryBackoff.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("expected driftwatch.limits.max-retry-backoff to be at least retry-backoff ("
                    + retryBackoff + ") but found " + maxRetryBackoff);
        }
    }
}
