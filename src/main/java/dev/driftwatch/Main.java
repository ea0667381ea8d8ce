package dev.driftwatch;

import dev.driftwatch.app.Application;
import dev.driftwatch.cli.DriftwatchCommand;

/**
 * The jar's entry point: with no arguments (or {@code serve}) it starts the service; otherwise it
 * runs the command line ({@code check}, {@code validate}, ...) without starting the service.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("serve")) {
            Application.main(args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(DriftwatchCommand.execute(args));
    }
}
