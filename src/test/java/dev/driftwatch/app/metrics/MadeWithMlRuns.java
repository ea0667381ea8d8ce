package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Evaluates the real Made With ML split example (rules/madewithml-split.yaml, with its text-classification
 * preset: conflicting labels, split leakage, unseen tags, distribution shift) on its newest snapshot
 * against the one before, as the scheduler does with {@code reference: previous}.
 */
public final class MadeWithMlRuns {
    private static final Path SNAPSHOTS = Path.of("src/examples/madewithml-split/snapshots").toAbsolutePath();

    private MadeWithMlRuns() {
    }

    public static RunReport latestAgainstPrevious() {
        RulesFile file = new RulesFileLoader().load(Path.of("rules/madewithml-split.yaml"));
        var discovery = new SnapshotDiscovery(Clock.systemUTC());
        var evaluator = new SnapshotEvaluator(new Profiler(), Clock.systemUTC());
        var previous = discovery.snapshotAt(file.dataset(), SNAPSHOTS.resolve("s24_2023-07-26_Made-With-ML_776a75b")).orElseThrow();
        var latest = discovery.snapshotAt(file.dataset(), SNAPSHOTS.resolve("s25_2023-08-19_Made-With-ML_030573f")).orElseThrow();
        var reference = evaluator.evaluate(file.dataset(), file.rules(), previous, Optional.empty());
        return evaluator.evaluate(file.dataset(), file.rules(), latest,
                Optional.of(new SnapshotEvaluator.Reference(previous.id(), reference.profile())));
    }
}
