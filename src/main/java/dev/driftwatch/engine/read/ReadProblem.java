package dev.driftwatch.engine.read;

import java.util.Objects;

/**
 * A row (or a whole file) that could not be read: where, and what was wrong.
 *
 * @param source file name relative to the snapshot
 * @param line   1-based line or record number; 0 when the problem concerns the whole file
 * @param kind   a short, stable category used for counting ({@code field_count}, {@code encoding}, ...)
 * @param message one sentence of the form "expected X but found Y"
 */
public record ReadProblem(String source, long line, String kind, String message) {
    public ReadProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + message;
    }
}
