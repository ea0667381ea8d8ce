package dev.driftwatch.cli;

import dev.driftwatch.engine.data.RunCancelledException;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.spec.RulesFileException;
import java.io.IOException;

/** The one line a checking command prints when its input fails it (it then exits {@link DriftwatchCommand#BAD_INPUT}). */
public final class BadInput {
    private BadInput() {
    }

    public static String line(Exception e) {
        if (e instanceof RulesFileException) {
            return "driftwatch: bad rules file: " + e.getMessage();
        }
        if (e instanceof HistoryUnavailableException) {
            return "driftwatch: no history: " + e.getMessage();
        }
        if (e instanceof SnapshotException) {
            return "driftwatch: bad snapshot: " + e.getMessage();
        }
        if (e instanceof IOException) {
            return "driftwatch: could not write a report: " + e;
        }
        if (e instanceof RunCancelledException) {
            return "driftwatch: " + e.getMessage();
        }
        throw new IllegalArgumentException("not a failure of the input: " + e, e);
    }
}
