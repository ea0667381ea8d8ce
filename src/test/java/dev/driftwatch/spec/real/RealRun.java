package dev.driftwatch.spec.real;

import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Evaluates a test rules file over real data from ../shared/datasets, with no reference snapshot. */
final class RealRun {
    private RealRun() {
    }

    /** @param data the snapshot: a folder or a file of the shared datasets */
    static RunReport evaluate(String rulesFile, Path data) {
        var rules = new RulesFileLoader().load(Path.of(rulesFile));
        var snapshot = new SnapshotDiscovery(Clock.systemUTC()).snapshotAt(rules.dataset(), data).orElseThrow();
        return new SnapshotEvaluator(new Profiler(), Clock.systemUTC())
                .evaluate(rules.dataset(), rules.rules(), snapshot, Optional.empty());
    }
}
