package dev.driftwatch.engine.cost;

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

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }
}
