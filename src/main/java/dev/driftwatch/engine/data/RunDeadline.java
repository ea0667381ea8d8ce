package dev.driftwatch.engine.data;

import java.time.Duration;
import java.util.Objects;

/**
 * When a run must stop. The engine calls {@link #check()} while it reads (every {@value #ROWS_PER_CHECK} rows) and
 * between rules while it judges; past the deadline the check throws {@link RunCancelledException} and the run ends,
 * freeing its thread. A read blocked inside the operating system (a pipe nobody writes to) is noticed at its next row
 * only. Thread-safe (immutable).
 */
public final class RunDeadline {
    /** Rows read between two looks at the clock. */
    public static final int ROWS_PER_CHECK = 256;
    /** No deadline: {@link #check()} never throws. */
    public static final RunDeadline NONE = new RunDeadline(Long.MAX_VALUE, "");
    private static final Duration LONGEST = Duration.ofDays(36_500);

    private final long deadlineNanos;
    private final String message;

    private RunDeadline(long deadlineNanos, String message) {
        this.deadlineNanos = deadlineNanos;
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * @param limit   how long the run may take from now; positive
     * @param message the error of a run stopped by this deadline (it should name the limit and where it is set)
     */
    public static RunDeadline after(Duration limit, String message) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("expected a positive run time but found " + limit);
        }
        return new RunDeadline(System.nanoTime() + (limit.compareTo(LONGEST) > 0 ? LONGEST : limit).toNanos(), message);
    }

    /** @throws RunCancelledException when the run's time is up */
    public void check() {
        if (this != NONE && System.nanoTime() - deadlineNanos > 0) {
            throw new RunCancelledException(message);
        }
    }
}
