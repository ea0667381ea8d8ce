package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.read.ReadProblem;
import java.util.List;
import java.util.Map;

/**
 * What went wrong while reading a snapshot.
 *
 * @param rowsRead     rows read successfully
 * @param rowsRejected rows (or records) that could not be read
 * @param byKind       rejected rows by kind of problem
 * @param examples     the first problems, in order (at most {@value #MAX_EXAMPLES})
 */
public record ReadReport(long rowsRead, long rowsRejected, Map<String, Long> byKind, List<ReadProblem> examples) {
    public static final int MAX_EXAMPLES = 20;

    public ReadReport {
        byKind = Map.copyOf(byKind);
        examples = List.copyOf(examples);
    }

    public double rejectedShare() {
        long total = rowsRead + rowsRejected;
        return total == 0 ? 0 : (double) rowsRejected / total;
    }
}
