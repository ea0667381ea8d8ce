package dev.driftwatch.cli;

/**
 * A run was evaluated and its report files written, but the service did not store it: the command exits
 * {@link DriftwatchCommand#NOT_SENT}, never 0, so that no run is lost without a word.
 */
public final class RunNotSentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunNotSentException(String message) {
        super(message);
    }

    public RunNotSentException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The one line the command prints. */
    public String line() {
        return "driftwatch: the run was not sent: " + getMessage();
    }
}
