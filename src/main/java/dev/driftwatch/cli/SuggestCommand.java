package dev.driftwatch.cli;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.StandaloneSnapshot;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.suggest.ColumnShapes;
import dev.driftwatch.engine.suggest.Measurements;
import dev.driftwatch.engine.suggest.RoleInference;
import dev.driftwatch.engine.suggest.RulesSuggestion;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileException;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code driftwatch suggest}: a complete rules file for a snapshot, printed to standard output. One profiling pass
 * infers the roles and the column figures; a second pass evaluates that draft on the same snapshot to measure what
 * only row checks can (duplicates, conflicting labels, leakage), and the file printed takes its thresholds from both.
 */
@Command(name = "suggest", description = "Print a rules file (YAML) suggested from a snapshot: roles inferred, thresholds from what the snapshot shows, with headroom. `check` of the same snapshot with it passes. Exit 0, or 2 on bad input.")
final class SuggestCommand implements Callable<Integer> {
    @CommandLine.Mixin
    SnapshotOptions read = new SnapshotOptions();

    @Option(names = "--name", description = "The dataset's name (default: made of the snapshot's name).")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            StandaloneSnapshot standalone = read.standalone();
            String dataset = name == null ? standalone.defaultName() : name;
            DatasetDefinition plain = standalone.dataset(dataset, ColumnRoles.none());
            Snapshot snapshot = SnapshotOptions.located(plain, read.snapshot);
            ColumnShapes shapes = new ColumnShapes();
            SnapshotProfile profile = new Profiler().profile(plain, snapshot, ProfileRequest.builder(ColumnRoles.none()).build(),
                    List.of(shapes));
            if (profile.rows() == 0) {
                throw new SnapshotException("expected at least one row in snapshot " + snapshot.id() + " but found none");
            }
            var split = profile.splits().values().iterator().next();
            var suggestion = new RulesSuggestion(dataset, standalone, split, new RoleInference().infer(split, shapes));
            Measurements measured = Measurements.of(measure(suggestion.yaml(Measurements.none())).results());
            spec.commandLine().getOut().print(suggestion.yaml(measured));
            spec.commandLine().getOut().flush();
            return DriftwatchCommand.PASSED;
        } catch (RulesFileException e) {
            err.println("driftwatch: the suggested rules did not load (a bug, please report it): " + e.getMessage());
        } catch (SnapshotException e) {
            err.println("driftwatch: bad snapshot: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("driftwatch: " + e.getMessage());
        } catch (IOException e) {
            err.println("driftwatch: could not write a temporary file: " + e);
        }
        return DriftwatchCommand.BAD_INPUT;
    }

    /** Loads the draft as the rules loader reads any rules file, and evaluates it on the snapshot. */
    private RunReport measure(String draft) throws IOException {
        Path file = Files.createTempFile("driftwatch-suggest-", ".yaml");
        try {
            Files.writeString(file, draft, StandardCharsets.UTF_8);
            RulesFile rules = new RulesFileLoader().load(file);
            Snapshot snapshot = SnapshotOptions.located(rules.dataset(), read.snapshot);
            return new SnapshotEvaluator(new Profiler(), Clock.systemUTC())
                    .evaluate(rules.dataset(), rules.rules(), snapshot, Optional.empty(), rules::requireColumns);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
