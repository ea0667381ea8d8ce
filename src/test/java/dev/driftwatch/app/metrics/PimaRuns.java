package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Evaluates the real Pima example snapshots with a rules file written for the test. */
public final class PimaRuns {
    public static final Path SNAPSHOTS = Path.of("src/examples/pima/snapshots").toAbsolutePath();

    private PimaRuns() {
    }

    /**
     * A rules file for {@code source} with an error-severity rule on BloodPressure zeros (at most
     * {@code maxZeroRatio}) and a warn-severity rule on SkinThickness zeros (at most 0.10). The zeros are the
     * dataset's missing tokens, so the profile (and its missing-ratio gauges) counts them too.
     */
    public static String rulesYaml(Path source, double maxZeroRatio) {
        return """
                dataset: pima
                source: %s
                layout: file_per_snapshot
                files: "*.csv"
                settle: 0s
                columns:
                  label: Outcome
                  numeric: [Pregnancies, Glucose, BloodPressure, SkinThickness, Insulin, BMI, DiabetesPedigreeFunction, Age]
                  missing_tokens: {BloodPressure: ["0"], SkinThickness: ["0"]}
                schedule:
                  interval: 1s
                rules:
                  - name: vitals-measured
                    kind: missing_values
                    severity: error
                    columns: [BloodPressure]
                    tokens: ["0"]
                    max_ratio: %s
                  - name: lab-values-measured
                    kind: missing_values
                    severity: warn
                    columns: [SkinThickness]
                    tokens: ["0"]
                    max_ratio: 0.10
                """.formatted(source, maxZeroRatio);
    }

    /** Evaluates {@code snapshotFile} (e.g. pima-03.csv) of the examples with {@link #rulesYaml}. */
    public static RunReport evaluate(Path tempDir, String snapshotFile, double maxZeroRatio) {
        return evaluate(tempDir, SNAPSHOTS, snapshotFile, maxZeroRatio);
    }

    /** Evaluates {@code snapshotFile} of the folder {@code snapshots} with {@link #rulesYaml}. */
    public static RunReport evaluate(Path tempDir, Path snapshots, String snapshotFile, double maxZeroRatio) {
        try {
            Path rules = tempDir.resolve("pima.yaml");
            Files.writeString(rules, rulesYaml(snapshots, maxZeroRatio));
            RulesFile file = new RulesFileLoader().load(rules);
            var snapshot = new SnapshotDiscovery(Clock.systemUTC())
                    .snapshotAt(file.dataset(), snapshots.resolve(snapshotFile)).orElseThrow();
            return new SnapshotEvaluator(new Profiler(), Clock.systemUTC())
                    .evaluate(file.dataset(), file.rules(), snapshot, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
