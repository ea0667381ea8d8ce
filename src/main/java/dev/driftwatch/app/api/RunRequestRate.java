package dev.driftwatch.app.api;

import dev.driftwatch.app.config.LimitsConfiguration;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often the API may start runs of one dataset: a bucket per dataset holding
 * {@link LimitsConfiguration#runRequestsPerMinute()} requests, full at first, refilled evenly over a minute.
 * A comparison page that reads rows again ({@code compare?rows=on}) costs a run and takes from the same bucket.
 * Thread-safe.
 */
@Singleton
public final class RunRequestRate {
    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();
    private final Clock clock;
    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RunRequestRate(LimitsConfiguration limits, Clock clock) {
        this.clock = clock;
        this.perMinute = limits.runRequestsPerMinute();
    }

    /** Takes one request from the dataset's bucket; when it is empty, how long until it holds one again. */
    public Optional<Duration> take(String dataset) {
        long now = clock.millis() * 1_000_000L;
        return buckets.computeIfAbsent(dataset, name -> new Bucket(perMinute, now)).take(now, perMinute);
    }

    /** {@link LimitsConfiguration#runRequestsPerMinute()}, as the 429 answer says it. */
    public int perMinute() {
        return perMinute;
    }

    private static final class Bucket {
        /** Requests held, in units of 1/MINUTE_NANOS of a request per nanosecond of refill: tokens * MINUTE_NANOS. */
        private long scaledTokens;
        private long updatedNanos;

        Bucket(int capacity, long now) {
            this.scaledTokens = capacity * MINUTE_NANOS;
            this.updatedNanos = now;
        }

        synchronized Optional<Duration> take(long now, int capacity) {
            long elapsed = Math.max(0, now - updatedNanos);
            updatedNanos = Math.max(updatedNanos, now);
            long refill = elapsed > MINUTE_NANOS ? capacity * MINUTE_NANOS : elapsed * capacity;
            scaledTokens = Math.min(capacity * MINUTE_NANOS, scaledTokens + refill);
            if (scaledTokens >= MINUTE_NANOS) {
                scaledTokens -= MINUTE_NANOS;
                return Optional.empty();
            }
            long missingNanos = (MINUTE_NANOS - scaledTokens + capacity - 1) / capacity;
            return Optional.of(Duration.ofNanos(missingNanos));
        }
    }
}
