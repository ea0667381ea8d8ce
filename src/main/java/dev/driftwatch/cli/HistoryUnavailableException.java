package dev.driftwatch.cli;

/** The history asked for with {@code --history} or {@code --server} cannot be read; the command exits 2. */
public final class HistoryUnavailableException extends RuntimeException {
    HistoryUnavailableException(String message) {
        super(message);
    }

    HistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
