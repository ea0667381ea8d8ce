package dev.driftwatch.engine.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * What a piece of work cost: wall-clock time and CPU time of the threads it ran on, in nanoseconds. CPU time is 0
 * where the JVM cannot measure a thread's CPU time ({@link CostMeter#CPU_MEASURED}). Immutable.
 */
public record Cost(long wallNanos, long cpuNanos) {
    public static final Cost ZERO = new Cost(0, 0);

    public Cost {
        if (wallNanos < 0 || cpuNanos < 0) {
            throw new IllegalArgumentException("expected non-negative times but found wall " + wallNanos + " ns, cpu "
                    + cpuNanos + " ns");
        }
    }

    public Cost plus(Cost other) {
        return new Cost(wallNanos + other.wallNanos, cpuNanos + other.cpuNanos);
    }

    /** An equal share of this cost, for work several parties share ({@code parts} at least 1). */
    public Cost share(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("expected at least 1 part but found " + parts);
        }
        return new Cost(wallNanos / parts, cpuNanos / parts);
    }

    /**
     * The costs of pieces of work that took turns on one thread: each its wall time busy, and its share of the
     * thread's CPU time by its share of the busy time (equal shares when none was busy).
     */
    public static List<Cost> divided(long cpuNanos, long[] busyNanos) {
        long total = 0;
        for (long busy : busyNanos) {
            total += busy;
        }
        List<Cost> costs = new ArrayList<>(busyNanos.length);
        for (long busy : busyNanos) {
            long cpu = total == 0 ? cpuNanos / busyNanos.length : Math.round((double) cpuNanos * busy / total);
            costs.add(new Cost(busy, cpu));
        }
        return costs;
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }
}
