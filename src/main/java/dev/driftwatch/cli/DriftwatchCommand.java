package dev.driftwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code driftwatch} command line: the CI gate and tools. Starts no application context. */
@Command(name = "driftwatch", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "driftwatch 0.1.0",
        description = "Data-quality and drift checks for ML dataset snapshots.",
        subcommands = {CheckCommand.class, GateCommand.class, ValidateCommand.class, ProfileCommand.class,
                SuggestCommand.class, BenchCommand.class})
public final class DriftwatchCommand implements Runnable {
    /** Exit code: every error-severity rule passed. */
    public static final int PASSED = 0;
    /** Exit code: an error-severity rule failed or could not be evaluated. */
    public static final int BLOCKED = 1;
    /** Exit code: bad input, bad rules or bad arguments, or the JVM gave up (out of memory, any other Error). */
    public static final int BAD_INPUT = 2;
    /**
     * Exit code: the run was evaluated and its report files written, but the service it was to be sent to did not
     * store it (unreachable, token refused, report refused); the verdict is printed, the gate does not pass.
     */
    public static final int NOT_SENT = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, ready to execute; tests redirect its output with {@code setOut}/{@code setErr}. */
    static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /**
     * As {@link #commandLine()}, with the subcommands made by {@code factory}. An exception ends in one line and
     * exit 2; so does an {@link Error}, which picocli would let through as a stack trace and exit 1 ("a rule failed").
     */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        var commandLine = new CommandLine(new DriftwatchCommand(), factory);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("driftwatch: " + e.getMessage());
            return BAD_INPUT;
        });
        var run = new CommandLine.RunLast();
        commandLine.setExecutionStrategy(parsed -> {
            try {
                return run.execute(parsed);
            } catch (Error e) {
                CommandLine last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
                last.getErr().println(FatalError.line(e, "running " + last.getCommandName()));
                return BAD_INPUT;
            }
        });
        return commandLine;
    }
}
