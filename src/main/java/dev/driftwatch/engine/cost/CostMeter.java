package dev.driftwatch.engine.cost;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures the {@link Cost} of work done on the current thread from {@link #start()} to {@link #stop()}: wall time by
 * {@link System#nanoTime()}, CPU time by the JVM's per-thread CPU clock ({@link ThreadMXBean}). A meter belongs to
 * the thread that started it. Reading a thread's CPU clock costs about 5 µs on a KVM virtual machine (a
 * {@code System.nanoTime()} about 40 ns): meter whole tasks, never rows.
 */
public final class CostMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Whether this JVM measures the CPU time of the current thread; when not, every CPU time is 0. */
    public static final boolean CPU_MEASURED = THREADS.isCurrentThreadCpuTimeSupported()
            && THREADS.isThreadCpuTimeEnabled();

    private final long wallStart;
    private final long cpuStart;

    private CostMeter() {
        this.cpuStart = cpuNow();
        this.wallStart = System.nanoTime();
    }

    public static CostMeter start() {
        return new CostMeter();
    }

    /** The cost since {@link #start()}, on the thread that started this meter. */
    public Cost stop() {
        long wall = System.nanoTime() - wallStart;
        return new Cost(Math.max(0, wall), Math.max(0, cpuNow() - cpuStart));
    }

    /** The current thread's CPU time so far, in nanoseconds; 0 when it is not measured. */
    public static long cpuNow() {
        return CPU_MEASURED ? THREADS.getCurrentThreadCpuTime() : 0;
    }
}
