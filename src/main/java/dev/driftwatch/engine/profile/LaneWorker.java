package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.cost.CostMeter;
import dev.driftwatch.engine.data.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread of a {@link LanePipeline}: takes batches from a short queue and applies its steps to each, one after
 * another (a lane's profiling, or row consumers), metering what each step costs (see {@link LanePipeline}). A failure
 * goes to the pipeline's, for the reading thread to throw.
 */
final class LaneWorker extends Thread {
    /** Put after the last batch. */
    static final List<Row> END = List.of();

    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(LanePipeline.QUEUED_BATCHES);
    private final AtomicReference<Throwable> failure;
    private final Runnable rethrow;
    private final List<Step> steps;
    private final boolean waitsForDerivations;
    private final Runnable atEnd;
    /** The index of each step's row consumer among the pipeline's consumers (none for a profiling worker). */
    private final int[] consumers;
    /** What each step cost, in the steps' order. Written by this worker only; read after {@link #await()}. */
    private List<Cost> costs;

    /**
     * @param steps               applied to each batch one after another
     * @param waitsForDerivations true for a row consumer, which waits until a batch's lane derived its rows
     * @param atEnd               run on this worker after its last batch, counted as its last step's work
     * @param consumers           the index of each step's row consumer
     * @param failure             where a failure of this worker goes
     * @param rethrow             throws the pipeline's failure, if any
     */
    LaneWorker(String name, List<Step> steps, boolean waitsForDerivations, Runnable atEnd, int[] consumers,
               AtomicReference<Throwable> failure, Runnable rethrow) {
        super(name);
        this.consumers = consumers;
        this.failure = failure;
        this.rethrow = rethrow;
        this.steps = List.copyOf(steps);
        this.waitsForDerivations = waitsForDerivations;
        this.atEnd = atEnd;
        this.costs = Collections.nCopies(steps.size(), Cost.ZERO);
        setDaemon(true);
    }

    void put(int lane, List<Row> rows, int[] order, CountDownLatch derived) {
        try {
            while (!queue.offer(new Job(lane, rows, order, derived), 100, TimeUnit.MILLISECONDS)) {
                rethrow.run();
                if (!isAlive()) {
                    throw new IllegalStateException("expected a live profiling worker but " + getName() + " ended");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while profiling", e);
        }
    }

    @Override
    public void run() {
        long cpuStart = CostMeter.cpuNow();
        long[] busy = new long[steps.size()];
        long[] cpu = new long[steps.size()];
        boolean shared = steps.size() > 1; // else the thread's CPU time is its one step's
        try {
            Job job;
            while ((job = queue.take()).rows() != END) {
                if (waitsForDerivations && job.derived() != null) {
                    job.derived().await();
                }
                long start = System.nanoTime();
                long cpuAt = shared ? CostMeter.cpuNow() : 0;
                for (int i = 0; i < busy.length; i++) {
                    steps.get(i).apply(job.lane(), job.rows(), job.order(), job.derived());
                    long end = System.nanoTime();
                    busy[i] += end - start;
                    start = end;
                    if (shared) {
                        long now = CostMeter.cpuNow();
                        cpu[i] += now - cpuAt;
                        cpuAt = now;
                    }
                }
            }
            long start = System.nanoTime();
            atEnd.run();
            busy[busy.length - 1] += System.nanoTime() - start;
            long between = Math.max(0, CostMeter.cpuNow() - cpuStart - Arrays.stream(cpu).sum());
            List<Cost> divided = Cost.divided(between, busy);
            List<Cost> measured = new ArrayList<>(busy.length);
            for (int i = 0; i < busy.length; i++) {
                measured.add(divided.get(i).plus(new Cost(0, cpu[i])));
            }
            costs = measured;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /** What each step cost, in the steps' order; complete once this worker ended. */
    List<Cost> costs() {
        return costs;
    }

    /** The index of each step's row consumer among the pipeline's consumers. */
    int[] consumers() {
        return consumers;
    }

    void await() {
        join(this);
    }

    /** Waits for a thread of the pipeline to end. */
    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while profiling", e);
        }
    }

    /** What a worker does with a batch. */
    interface Step {
        void apply(int lane, List<Row> rows, int[] order, CountDownLatch derived) throws InterruptedException;
    }

    /**
     * @param order   the rows split by split ({@link SplitOrder})
     * @param derived counted down once the rows' derivations are attached; null when there are none
     */
    private record Job(int lane, List<Row> rows, int[] order, CountDownLatch derived) {
    }
}
