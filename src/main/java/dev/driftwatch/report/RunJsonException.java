package dev.driftwatch.report;

/**
 * A document that is not a run as {@link RunJson} writes it; the message names the place ({@code /snapshot/id}) and
 * says what was expected and what was found.
 */
public final class RunJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunJsonException(String message) {
        super(message);
    }

    public RunJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
