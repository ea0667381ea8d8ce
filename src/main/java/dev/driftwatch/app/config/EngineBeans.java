package dev.driftwatch.app.config;

import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.DataRoots;
import dev.driftwatch.spec.RulesFileLoader;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The framework-free engine, made available for injection; rules files are read within the data roots. */
@Factory
class EngineBeans {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SnapshotDiscovery snapshotDiscovery(Clock clock) {
        return new SnapshotDiscovery(clock);
    }

    @Singleton
    SnapshotEvaluator snapshotEvaluator(Clock clock) {
        return new SnapshotEvaluator(new Profiler(), clock);
    }

    @Singleton
    RulesFileLoader rulesFileLoader(DriftwatchConfiguration configuration) {
        return new RulesFileLoader(DataRoots.of(configuration.dataRoots()));
    }
}
