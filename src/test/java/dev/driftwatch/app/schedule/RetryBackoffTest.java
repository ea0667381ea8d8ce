package dev.driftwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.config.LimitsConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    private Instant now = Instant.parse("2026-12-04T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void theWaitDoublesAfterEachFailureUpToTheLongestAndEndsWithASuccess() {
        var backoff = new RetryBackoff(new LimitsConfiguration(6, Duration.ofMinutes(30), Duration.ofMinutes(1),
                Duration.ofMinutes(5)), clock);
        assertThat(backoff.due(7)).as("never failed").isTrue();
        // 1, 2, 4, then 8 capped at 5 minutes
        for (long minutes : new long[] {1, 2, 4, 5, 5}) {
            assertThat(backoff.failed(7)).isEqualTo(Duration.ofMinutes(minutes));
            now = now.plus(Duration.ofMinutes(minutes)).minusSeconds(1);
            assertThat(backoff.due(7)).isFalse();
            assertThat(backoff.due(8)).as("another version").isTrue();
            now = now.plusSeconds(1);
            assertThat(backoff.due(7)).isTrue();
        }
        backoff.succeeded(7);
        assertThat(backoff.failed(7)).as("after a success the first wait again").isEqualTo(Duration.ofMinutes(1));
    }
}
