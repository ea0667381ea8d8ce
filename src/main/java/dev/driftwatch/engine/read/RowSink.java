package dev.driftwatch.engine.read;

import dev.driftwatch.engine.data.Row;

/** Receives the rows of a file in order, and what was wrong with the rows that could not be read. */
public interface RowSink {
    void accept(Row row);

    void reject(ReadProblem problem);
}
