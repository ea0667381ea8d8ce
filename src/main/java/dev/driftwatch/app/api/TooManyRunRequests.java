package dev.driftwatch.app.api;

import java.time.Duration;

/** A run asked for through the API beyond the dataset's rate; answered 429 with a {@code Retry-After}. */
final class TooManyRunRequests extends RuntimeException {
    private final Duration retryAfter;

    TooManyRunRequests(String dataset, int perMinute, Duration retryAfter) {
        super("expected at most " + perMinute + " run requests a minute for dataset '" + dataset
                + "' (driftwatch.limits.run-requests-per-minute) but found more; try again in "
                + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as {@code Retry-After} takes them. */
    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }
}
