package dev.driftwatch.engine.rule.rows;

import java.util.List;

/** What {@link SplitLeakageRule#evaluate} judges: the splits and their rows, and what each mode found per pair of splits. */
interface SplitLeakTally extends AutoCloseable {
    LeakageKeys keys();

    /** The splits with rows, in the order of their first row. */
    List<String> splits();

    long rows(String split);

    /** The pairs {@link #leaks} will be asked for, (earlier, later). */
    default void plan(List<String[]> pairs) {
    }

    /** Why a mode could not be evaluated, or null. */
    default String unavailable(LeakageMode mode) {
        return null;
    }

    SplitLeaks leaks(LeakageMode mode, String earlier, String later);

    @Override
    default void close() {
    }
}
