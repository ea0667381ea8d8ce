package dev.driftwatch.cli;

import java.util.List;

/**
 * Ten snapshots of chosen row counts and two rules that follow the row count, shared by the tests of
 * {@code check --history} and {@code check --server}.
 *
 * <p>Expected ranges, by hand from {@link #EARLIER}: the median is 100 and the absolute deviations
 * 0,2,2,1,1,3,3,0,2,2 have median 2, so {@code mad} at 3.5 expects 100 ± 3.5 × 1.4826 × 2 = 89.62 … 110.38;
 * the last earlier count is 98, so {@code relative_change} with at most +20% expects up to 98 × 1.2 = 117.6.
 * {@link #JUMP} (130) leaves both ranges; {@link #USUAL} (104) stays in both.
 */
final class RowCountSeries {
    static final List<Integer> EARLIER = List.of(100, 102, 98, 101, 99, 103, 97, 100, 102, 98);
    static final int JUMP = 130;
    static final int USUAL = 104;

    /** 100 ∓ 3.5 × 1.4826 × 2 = 89.6218 … 110.3782, printed to six digits. */
    static final String MAD_FAILS = "FAIL  error rows-mad: row_count in all is 130; mad over 10 earlier snapshots "
            + "expected between 89.6218 and 110.378.";
    static final String STEP_WARNS = "WARN  warn  rows-step: row_count in all is 130; relative_change over 10 earlier "
            + "snapshots expected at most 117.6.";

    static final String RULES = """
              - {name: rows-mad, kind: anomaly, severity: error, metric: row_count, strategy: mad, max_z: 3.5, min_history: 5}
              - {name: rows-step, kind: anomaly, severity: warn, metric: row_count, strategy: relative_change, max_increase: 0.2, min_history: 5}
            order: name
            """;

    private RowCountSeries() {
    }

    /** The name of the {@code i}-th snapshot (from 1): names sort as snapshots follow. */
    static String name(int i) {
        return "s%02d.csv".formatted(i);
    }

    /** A CSV of {@code rows} rows with glucose measured in each. */
    static String csv(int rows) {
        StringBuilder csv = new StringBuilder("id,age,glucose\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(',').append(20 + i % 50).append(',').append(80 + i % 40).append('\n');
        }
        return csv.toString();
    }
}
