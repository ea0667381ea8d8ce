package dev.driftwatch.engine.read;

import java.util.Objects;

/**
 * A row (or a whole file) that could not be read: where, what was wrong, and how many rows it cost.
 *
 * @param source  file name relative to the snapshot
 * @param line    1-based line or record number; 0 when the problem concerns the whole file
 * @param kind    a short, stable category used for counting ({@code field_count}, {@code encoding}, ...)
 * @param message one sentence of the form "expected X but found Y"
 * @param rows    the rows lost (at least 1): 1 for a bad row, every physical line a runaway quoted field swallowed,
 *                every row of a file that could not be read past its header
 */
public record ReadProblem(String source, long line, String kind, String message, long rows) {
    public ReadProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if (rows < 1) {
            throw new IllegalArgumentException("expected at least 1 lost row but found " + rows);
        }
    }

    /** A problem that costs one row. */
    public ReadProblem(String source, long line, String kind, String message) {
        this(source, line, kind, message, 1);
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + message;
    }
}
