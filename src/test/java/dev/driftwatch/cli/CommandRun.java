package dev.driftwatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in a test: its exit code and what it printed. */
record CommandRun(int exitCode, String out, String err) {
    static CommandRun of(String... args) {
        return of(DriftwatchCommand.commandLine(), args);
    }

    /** A run of a command line built by the test (subcommands from its own factory, extra subcommands). */
    static CommandRun of(picocli.CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
