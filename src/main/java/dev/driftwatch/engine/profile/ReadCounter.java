package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.read.ReadProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts rows read and rejected during one pass, keeping the first problems. Used by the reader thread only. */
final class ReadCounter {
    long read;
    private long rejected;
    private final Map<String, Long> byKind = new TreeMap<>();
    private final List<ReadProblem> examples = new ArrayList<>();

    void reject(ReadProblem problem) {
        rejected++;
        byKind.merge(problem.kind(), 1L, Long::sum);
        if (examples.size() < ReadReport.MAX_EXAMPLES) {
            examples.add(problem);
        }
    }

    ReadReport report() {
        return new ReadReport(read, rejected, byKind, examples);
    }
}
