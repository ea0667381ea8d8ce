package dev.driftwatch.engine.rule.rows;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.rule.Rule;
import java.util.List;
import java.util.Map;

/** The leaks of a {@code split_leakage} rule counted elsewhere (the Spark runner), as its row check. */
record CountedLeaks(LeakageKeys keys, Map<String, Long> rowsPerSplit, List<SplitLeaks> found)
        implements Rule.RowCheck, SplitLeakTally {
    @Override
    public void accept(Row row) {
        throw new IllegalStateException("rows of a counted split_leakage check were grouped elsewhere");
    }

    @Override
    public List<String> splits() {
        return List.copyOf(rowsPerSplit.keySet());
    }

    @Override
    public long rows(String split) {
        return rowsPerSplit.getOrDefault(split, 0L);
    }

    @Override
    public SplitLeaks leaks(LeakageMode mode, String earlier, String later) {
        return found.stream().filter(f -> f.mode() == mode && f.earlier().equals(earlier) && f.later().equals(later))
                .findFirst().orElse(new SplitLeaks(mode, earlier, later, 0, List.of()));
    }
}
