package dev.driftwatch.engine.read;

import dev.driftwatch.engine.data.Row;

/** Receives the rows of a file in order, and what was wrong with the rows that could not be read. */
public interface RowSink {
    void accept(Row row);

    void reject(ReadProblem problem);

    /**
     * Called once per file, after its last row: the physical lines of the file as {@code awk 'END {print NR}'}
     * counts them (LF, CR LF or CR ends a line; a last line without one counts too), blank lines included.
     */
    default void linesRead(long lines) {
    }
}
