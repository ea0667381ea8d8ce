package dev.driftwatch.spark;

import dev.driftwatch.cli.BadInput;
import dev.driftwatch.cli.DriftwatchCommand;
import dev.driftwatch.cli.FatalError;
import dev.driftwatch.cli.HistoryUnavailableException;
import dev.driftwatch.cli.ReportFiles;
import dev.driftwatch.cli.RunNotSentException;
import dev.driftwatch.cli.RunSender;
import dev.driftwatch.cli.RunSummary;
import dev.driftwatch.cli.ServerOptions;
import dev.driftwatch.cli.StoredProfile;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileException;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark runner's main class, for {@code spark-submit --class dev.driftwatch.spark.SparkCheck}: the options,
 * report files and exit codes of {@code driftwatch check}; with {@code --server}, the run is then sent to a running
 * service ({@link RunSender}), and a run it does not store exits {@link DriftwatchCommand#NOT_SENT}.
 */
@Command(name = "spark-check", mixinStandardHelpOptions = true,
        description = "Evaluate a snapshot against a rules file on Spark. Exit 0: passed; 1: an error-severity rule failed; 2: bad input; 3: evaluated, but --server did not store the run.")
public final class SparkCheck implements Callable<Integer> {
    @Option(names = "--rules", required = true, description = "The rules file of the dataset, readable at this path on every executor.")
    Path rules;

    @Option(names = "--snapshot", required = true, description = "The snapshot: a folder or a file, laid out as the rules file says;"
            + " a path, or a URI of any Hadoop file system (hdfs://, s3a://).")
    String snapshot;

    @Option(names = "--reference", description = "What to compare with (drift, new tags, row count change): a snapshot, as --snapshot, or a profile file written by --save-profile.")
    String reference;

    @Option(names = "--save-profile", paramLabel = "FILE", description = "Store the snapshot's profile in FILE (a local path), to be used later as --reference; given a folder, in <folder>/<snapshot>.profile.")
    Path saveProfile;

    @Option(names = "--master", description = "Spark's master when not started by spark-submit, e.g. local[2].")
    String master;

    @CommandLine.Mixin
    ReportFiles reports = new ReportFiles();

    @CommandLine.Mixin
    ServerOptions service = new ServerOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkCheck()).execute(args));
    }

    /**
     * Unless the job sets it, files are cut into at least three partitions per core (at most 128 MB each, Spark's
     * default): with Spark's default of one per core, a 305 MB file on two cores is cut 128 + 128 + 49 MB and one core
     * waits for the other during the last part.
     */
    private static void balancePartitions(SparkSession spark) {
        String key = "spark.sql.files.minPartitionNum";
        if (!spark.conf().contains(key)) {
            spark.conf().set(key, 3L * spark.sparkContext().defaultParallelism());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SparkSession.Builder builder = SparkSession.builder().appName("driftwatch spark-check")
                .config("spark.serializer", SparkRunner.JAVA_SERIALIZER);
        if (master != null) {
            builder.master(master);
        }
        boolean ownSession = SparkSession.getActiveSession().isEmpty();
        SparkSession spark = builder.getOrCreate();
        balancePartitions(spark);
        String during = "reading the rules file " + rules;
        try {
            Optional<RunSender> sender = service.sender();
            RulesFile file = new RulesFileLoader().load(rules);
            during = "evaluating snapshot " + snapshot;
            SparkRunner.Run run = new SparkRunner(spark, Clock.systemUTC()).run(file, snapshot, reference,
                    current -> service.history(file, current));
            new RunSummary(run.report()).print(out);
            if (saveProfile != null) {
                out.println("Wrote " + StoredProfile.save(saveProfile, run.report()));
            }
            reports.write(run.report(), run.reference(), file.dataset()).forEach(written -> out.println("Wrote " + written));
            during = "sending the run of snapshot " + snapshot;
            if (sender.isPresent()) {
                out.println("Sent: " + sender.get().send(run.report(), "spark"));
            }
            return run.report().blocksGate() ? DriftwatchCommand.BLOCKED : DriftwatchCommand.PASSED;
        } catch (RunNotSentException e) {
            err.println(e.line());
            return DriftwatchCommand.NOT_SENT;
        } catch (RulesFileException | HistoryUnavailableException | SnapshotException | IOException e) {
            err.println(BadInput.line(e));
            return DriftwatchCommand.BAD_INPUT;
        } catch (Error e) {
            err.println(FatalError.line(e, during));
            return DriftwatchCommand.BAD_INPUT;
        } catch (Exception e) {  // a failed Spark job (SparkException is checked, undeclared), a refused session
            err.println("driftwatch: could not finish " + during + " on Spark: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("no detail"));
            return DriftwatchCommand.BAD_INPUT;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }
}
