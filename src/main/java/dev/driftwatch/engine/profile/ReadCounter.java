package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.read.ReadProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts lines, rows read and rows rejected during one pass, keeping the first problems. A problem counts the rows
 * it cost ({@link ReadProblem#rows()}). Used by the reader thread only.
 */
final class ReadCounter {
    long read;
    private long rejected;
    private long lines;
    private final Map<String, Long> byKind = new TreeMap<>();
    private final List<ReadProblem> examples = new ArrayList<>();

    void reject(ReadProblem problem) {
        rejected += problem.rows();
        byKind.merge(problem.kind(), problem.rows(), Long::sum);
        if (examples.size() < ReadReport.MAX_EXAMPLES) {
            examples.add(problem);
        }
    }

    void lines(long fileLines) {
        lines += fileLines;
    }

    ReadReport report() {
        return new ReadReport(read, rejected, byKind, examples, lines);
    }
}
