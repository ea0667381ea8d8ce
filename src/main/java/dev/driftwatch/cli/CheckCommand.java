package dev.driftwatch.cli;

import dev.driftwatch.engine.data.RunCancelledException;
import dev.driftwatch.engine.data.RunDeadline;
import dev.driftwatch.engine.cost.CostMeter;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.spec.DurationText;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileException;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code driftwatch check}: evaluates one snapshot against a rules file, with no server. */
@Command(name = "check", description = "Evaluate a snapshot against a rules file. Exit 0: passed (skipped comparisons do not block); 1: an error-severity rule failed; 2: bad input (no rows, unreadable), bad rules (a column the snapshot lacks) or out of memory; 3: evaluated, but --send could not store the run in the service.")
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--rules", required = true, description = "The rules file of the dataset (rules/<dataset>.yaml).")
    Path rules;

    @Option(names = "--snapshot", required = true, description = "The snapshot: a folder or a file, laid out as the rules file says.")
    Path snapshot;

    @Option(names = "--reference", description = "What to compare with (drift, new tags, row count change): a snapshot, or a profile file written by --save-profile.")
    Path reference;

    @Option(names = "--save-profile", paramLabel = "FILE", description = "Store the snapshot's profile in FILE, to be used later as --reference; given a folder, in <folder>/<snapshot>.profile, for --history.")
    Path saveProfile;

    @Option(names = "--max-run-time", paramLabel = "DURATION", converter = DurationOption.class,
            description = "Stop the evaluation of the snapshot after this long (30s, 10m), exit 2. Default: the rules file's schedule.max_run_time, else no limit.")
    Duration maxRunTime;

    @Option(names = "--send", description = "After the check, send the run to the service --server names, which stores it as one of its runs (POST /api/datasets/{name}/reports?from=cli). A run the service does not store exits 3.")
    boolean send;

    @CommandLine.Mixin
    HistoryOptions history = new HistoryOptions();

    @CommandLine.Mixin
    ReportFiles reports = new ReportFiles();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The evaluation's clock (the time freshness is judged at). */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String during = "reading the rules file " + rules;
        if (send && !history.hasServer()) {
            err.println("driftwatch: expected --server URL with --send but found none");
            return DriftwatchCommand.BAD_INPUT;
        }
        try {
            RulesFile file = new RulesFileLoader().load(rules);
            var discovery = new SnapshotDiscovery(Clock.systemUTC());
            var evaluator = new SnapshotEvaluator(new Profiler(), clock);
            if (saveProfile == null && !send && !reports.showProfile()) {
                evaluator = evaluator.leavingOut(EnumSet.allOf(ProfileRequest.EdaOnly.class));
            }
            Snapshot current = located(discovery, file, snapshot);
            Optional<SnapshotEvaluator.Reference> ref = Optional.empty();
            CostMeter referenceCost = CostMeter.start();
            if (reference != null && StoredProfile.isProfile(reference)) {
                during = "reading the reference profile " + reference;
                SnapshotProfile stored = StoredProfile.read(reference);
                ref = Optional.of(new SnapshotEvaluator.Reference(reference.getFileName().toString(), stored,
                        referenceCost.stop()));
            } else if (reference != null) {
                Snapshot referenceSnapshot = located(discovery, file, reference);
                during = "profiling the reference snapshot " + referenceSnapshot.id();
                ref = Optional.of(evaluator.reference(file.dataset(), file.rules(), referenceSnapshot));
            }
            during = "reading the history of dataset " + file.dataset().name();
            var earlier = history.of(file, current);
            during = "evaluating snapshot " + current.id();
            RunReport run = evaluator.evaluate(file.dataset(), file.rules(), current, ref, file::requireColumns, earlier,
                    deadline(file));
            during = "writing the reports of snapshot " + current.id();
            new RunSummary(run).print(out);
            if (saveProfile != null) {
                out.println("Wrote " + StoredProfile.save(saveProfile, run));
            }
            SnapshotProfile referenceProfile = ref.map(SnapshotEvaluator.Reference::profile).orElse(null);
            reports.write(run, referenceProfile, file.dataset()).forEach(written -> out.println("Wrote " + written));
            if (send) {
                during = "sending the run of snapshot " + current.id();
                out.println("Sent: " + history.sender().send(run, "cli"));
            }
            return run.blocksGate() ? DriftwatchCommand.BLOCKED : DriftwatchCommand.PASSED;
        } catch (RunNotSentException e) {
            err.println(e.line());
            return DriftwatchCommand.NOT_SENT;
        } catch (RulesFileException | HistoryUnavailableException | SnapshotException | RunCancelledException
                 | IOException e) {
            err.println(BadInput.line(e));
            return DriftwatchCommand.BAD_INPUT;
        } catch (Error e) {
            err.println(FatalError.line(e, during));
            return DriftwatchCommand.BAD_INPUT;
        }
    }

    private RunDeadline deadline(RulesFile file) {
        Duration limit = maxRunTime != null ? maxRunTime : file.maxRunTime();
        if (limit == null) {
            return RunDeadline.NONE;
        }
        String allowed = DurationText.format(limit);
        String setting = maxRunTime != null ? "--max-run-time" : "schedule.max_run_time of " + file.file();
        return RunDeadline.after(limit, "stopped after " + allowed + ", the limit " + setting + " (" + allowed + ")");
    }

    private static Snapshot located(SnapshotDiscovery discovery, RulesFile file, Path path) {
        return discovery.snapshotAt(file.dataset(), path.toAbsolutePath().normalize())
                .orElseThrow(() -> new SnapshotException("expected data files matching '" + file.dataset().layout().glob()
                        + "' in " + path + " but found none"));
    }
}
