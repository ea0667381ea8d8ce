package dev.driftwatch.cli;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.report.html.RunReportPage;
import dev.driftwatch.report.RunJson;
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
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code driftwatch profile}: the EDA of one snapshot, with or without a rules file, and no rules judged. */
@Command(name = "profile", description = "Profile a snapshot (an EDA in one pass) and write it as an HTML report or JSON; no rules file needed. Exit 0, or 2 on bad input.")
final class ProfileCommand implements Callable<Integer> {
    @CommandLine.Mixin
    SnapshotOptions read = new SnapshotOptions();

    @Option(names = "--rules", description = "Optional: a rules file whose column roles and reading options to use (its rules are not evaluated; --files, --format, --header and --trim-values are then ignored).")
    Path rules;

    @Option(names = "--name", description = "The dataset's name in the report (default: the snapshot's name).")
    String name;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the profile as a self-contained HTML page with charts.")
    Path html;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the profile (and the snapshot's provenance) as JSON.")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            DatasetDefinition dataset = dataset();
            var snapshot = SnapshotOptions.located(dataset, read.snapshot);
            RunReport run = new SnapshotEvaluator(new Profiler(), Clock.systemUTC())
                    .evaluate(dataset, List.of(), snapshot, Optional.empty());
            print(run, out);
            if (html != null) {
                out.println("Wrote " + write(html, RunReportPage.document(run, null, null, "")));
            }
            if (json != null) {
                out.println("Wrote " + write(json, new RunJson().write(run)));
            }
            return DriftwatchCommand.PASSED;
        } catch (RulesFileException e) {
            err.println("driftwatch: bad rules file: " + e.getMessage());
        } catch (SnapshotException e) {
            err.println("driftwatch: bad snapshot: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("driftwatch: " + e.getMessage());
        } catch (IOException e) {
            err.println("driftwatch: could not write a report: " + e);
        }
        return DriftwatchCommand.BAD_INPUT;
    }

    private DatasetDefinition dataset() {
        if (rules != null) {
            RulesFile file = new RulesFileLoader().load(rules);
            return file.dataset();
        }
        var standalone = read.standalone();
        return standalone.dataset(name == null ? standalone.defaultName() : name, ColumnRoles.none());
    }

    private static void print(RunReport run, PrintWriter out) {
        out.printf("Dataset %s, snapshot %s: %,d rows%n", run.dataset(), run.snapshot().id(), run.profile().rows());
        for (SplitProfile split : run.profile().splits().values()) {
            out.printf("Split %s: %,d rows, %d columns%n", split.split(), split.rows(), split.columns().size());
            for (ColumnProfile column : split.columns().values()) {
                out.printf(Locale.ROOT, "  %-24s %-9s %,8d missing  %,8d distinct%n", column.column(),
                        column.type() == null ? "-" : column.type().name().toLowerCase(Locale.ROOT), column.missing(),
                        column.distinct());
            }
        }
        if (run.profile().reads().rowsRejected() > 0) {
            out.printf("%,d rows could not be read; first: %s%n", run.profile().reads().rowsRejected(),
                    run.profile().reads().examples().get(0));
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
