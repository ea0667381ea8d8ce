package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.read.ReadProblem;
import java.util.List;
import java.util.Map;

/**
 * What reading a snapshot met: its physical lines, the rows read, and what went wrong.
 *
 * @param rowsRead     rows read successfully
 * @param rowsRejected rows that could not be read: one per bad row, and every line a runaway quoted field swallowed
 * @param byKind       rejected rows by kind of problem
 * @param examples     the first problems, in order (at most {@value #MAX_EXAMPLES})
 * @param linesRead    physical lines of the files read, blank lines and header rows included ({@link
 *                     dev.driftwatch.engine.read.RowSink#linesRead}); {@value #UNKNOWN_LINES} when not known (rows
 *                     profiled from memory, profiles stored before lines were counted)
 */
public record ReadReport(long rowsRead, long rowsRejected, Map<String, Long> byKind, List<ReadProblem> examples,
                         long linesRead) {
    public static final int MAX_EXAMPLES = 20;
    public static final long UNKNOWN_LINES = -1;

    public ReadReport {
        byKind = Map.copyOf(byKind);
        examples = List.copyOf(examples);
        if (linesRead < UNKNOWN_LINES) {
            throw new IllegalArgumentException("expected a line count of at least 0, or -1 for unknown, but found " + linesRead);
        }
    }

    /** A report whose line count is not known. */
    public ReadReport(long rowsRead, long rowsRejected, Map<String, Long> byKind, List<ReadProblem> examples) {
        this(rowsRead, rowsRejected, byKind, examples, UNKNOWN_LINES);
    }

    public double rejectedShare() {
        long total = rowsRead + rowsRejected;
        return total == 0 ? 0 : (double) rowsRejected / total;
    }

    /** Whether {@link #linesRead()} is known. */
    public boolean linesKnown() {
        return linesRead != UNKNOWN_LINES;
    }
}
