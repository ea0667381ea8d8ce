package dev.driftwatch.app.schedule;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Wakes the watch every {@code driftwatch.tick}; off when {@code driftwatch.scheduler.enabled=false} (tests). */
@Singleton
@Requires(property = "driftwatch.scheduler.enabled", notEquals = "false")
class ScheduledTick {
    private final DatasetWatch watch;

    ScheduledTick(DatasetWatch watch) {
        this.watch = watch;
    }

    @Scheduled(fixedDelay = "${driftwatch.tick:5s}", initialDelay = "1s")
    void tick() {
        watch.tick();
    }
}
