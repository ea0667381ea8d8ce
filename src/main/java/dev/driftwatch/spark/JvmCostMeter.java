package dev.driftwatch.spark;

import dev.driftwatch.engine.cost.Cost;
import java.lang.management.ManagementFactory;

/**
 * The {@link Cost} of a piece of the Spark runner's work: wall time on the driver, and the CPU time of this whole JVM
 * (every thread: in local mode the executors' tasks too; on a cluster the driver alone, the executors' CPU time is in
 * Spark's own metrics). Zero CPU time where the JVM cannot tell its process CPU time.
 */
final class JvmCostMeter {
    private final long wallStart = System.nanoTime();
    private final long cpuStart = processCpuNanos();

    static JvmCostMeter start() {
        return new JvmCostMeter();
    }

    Cost stop() {
        return new Cost(Math.max(0, System.nanoTime() - wallStart), Math.max(0, processCpuNanos() - cpuStart));
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }
}
