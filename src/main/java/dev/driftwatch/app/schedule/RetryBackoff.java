package dev.driftwatch.app.schedule;

import dev.driftwatch.app.config.LimitsConfiguration;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a stored snapshot version that failed may be tried again by the schedule: at once after the service starts,
 * then after {@link LimitsConfiguration#retryBackoff()}, doubling after each failure up to
 * {@link LimitsConfiguration#maxRetryBackoff()}. A new version of the snapshot (its content changed) is another
 * stored version, so it is tried at once. Kept in memory. Thread-safe.
 */
@Singleton
public class RetryBackoff {
    private final Clock clock;
    private final Duration first;
    private final Duration most;
    private final Map<Long, Attempts> failed = new ConcurrentHashMap<>();

    public RetryBackoff(LimitsConfiguration limits, Clock clock) {
        this.clock = clock;
        this.first = limits.retryBackoff();
        this.most = limits.maxRetryBackoff();
    }

    /** Whether the schedule may try the stored snapshot version again now. */
    public boolean due(long snapshotRowId) {
        Attempts attempts = failed.get(snapshotRowId);
        return attempts == null || !clock.instant().isBefore(attempts.next());
    }

    /** The version failed once more: the next try waits twice as long as the last wait, at most the longest wait. */
    public Duration failed(long snapshotRowId) {
        Attempts attempts = failed.compute(snapshotRowId, (id, before) -> {
            Duration delay = before == null ? first : min(before.delay().multipliedBy(2), most);
            return new Attempts(clock.instant().plus(delay), delay);
        });
        return attempts.delay();
    }

    /** The version succeeded (or is gone): forget its failures. */
    public void succeeded(long snapshotRowId) {
        failed.remove(snapshotRowId);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Attempts(Instant next, Duration delay) {
    }
}
