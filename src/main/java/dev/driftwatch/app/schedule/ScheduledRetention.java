package dev.driftwatch.app.schedule;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Prunes expired runs every {@code driftwatch.retention.interval}; off with the scheduler (tests). */
@Singleton
@Requires(property = "driftwatch.scheduler.enabled", notEquals = "false")
class ScheduledRetention {
    private final RunRetention retention;

    ScheduledRetention(RunRetention retention) {
        this.retention = retention;
    }

    @Scheduled(fixedDelay = "${driftwatch.retention.interval:1h}", initialDelay = "1m")
    void prune() {
        retention.pruneAll();
    }
}
