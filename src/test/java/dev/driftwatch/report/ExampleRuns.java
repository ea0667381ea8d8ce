package dev.driftwatch.report;

import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Runs of the engine over the shipped example datasets, for the renderer tests. Figures the tests expect
 * were counted outside Driftwatch (awk over pima-03.csv, Python over the Made With ML projects.json).
 */
public final class ExampleRuns {
    private ExampleRuns() {
    }

    /** pima-03.csv against pima-01.csv: passes the gate, two warnings (SkinThickness 227 zeros, Insulin 374 of 768). */
    public static RunReport pima() {
        return run("src/test/resources/report/pima.yaml", "src/examples/pima/snapshots/pima-03.csv", "src/examples/pima/snapshots/pima-01.csv");
    }

    /** Made With ML s16 against s15: blocked, 34 of 999 projects have no text (ids 239, 425, 507, ...). */
    public static RunReport madeWithMl() {
        return run("src/test/resources/report/madewithml.yaml", "src/examples/madewithml/snapshots/s16_2022-05-03_Made-With-ML_5c59a97",
                "src/examples/madewithml/snapshots/s15_2022-05-02_Made-With-ML_578e612");
    }

    public static RunReport run(String rules, String snapshot, String reference) {
        RulesFile file = new RulesFileLoader().load(Path.of(rules));
        var discovery = new SnapshotDiscovery(Clock.systemUTC());
        var evaluator = new SnapshotEvaluator(new Profiler(), Clock.systemUTC());
        Optional<SnapshotEvaluator.Reference> ref = Optional.empty();
        if (reference != null) {
            Snapshot referenceSnapshot = at(discovery, file, reference);
            ref = Optional.of(new SnapshotEvaluator.Reference(referenceSnapshot.id(),
                    evaluator.evaluate(file.dataset(), file.rules(), referenceSnapshot, Optional.empty()).profile()));
        }
        return evaluator.evaluate(file.dataset(), file.rules(), at(discovery, file, snapshot), ref);
    }

    private static Snapshot at(SnapshotDiscovery discovery, RulesFile file, String path) {
        return discovery.snapshotAt(file.dataset(), Path.of(path).toAbsolutePath().normalize()).orElseThrow();
    }
}
