package dev.driftwatch.engine.data;

/** A run stopped by its {@link RunDeadline}; the message says which limit stopped it. */
public final class RunCancelledException extends RuntimeException {
    public RunCancelledException(String message) {
        super(message);
    }
}
