package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.cost.CostMeter;
import dev.driftwatch.engine.data.OwnThreadConsumer;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.data.RowDerivations;
import dev.driftwatch.engine.data.SplitBySplitConsumer;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.spill.MemoryBudget;
import dev.driftwatch.engine.spill.SortedRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.datasketches.theta.UpdateSketch;

/**
 * Spreads rows over worker threads deterministically. Rows are cut into batches of {@value #BATCH} in
 * file order; batch number b goes to lane b mod {@value #LANES}, and lane l is served by worker l mod
 * threads, which applies the lane's batches in order, each split by split ({@link SplitOrder}). Each lane's state
 * therefore sees the same rows in the same order whatever the number of threads, and the lanes are merged in lane
 * order: the profile does not depend on the thread count. Each row consumer gets every batch in file order (split by
 * split when it is a {@link SplitBySplitConsumer}), once the batch's lane has attached to its rows the derivations the
 * consumers share ({@link Row#attach}): what several row checks need is computed once per row, on the lanes' threads.
 * An {@link OwnThreadConsumer} works on a thread of its own; the others share {@link #sharedThreads} threads (one on
 * two cores), in turns, each thread handing every batch to its consumers one after another: a thread per consumer
 * woke ten threads for every batch, twice the context switches and more system time (BENCHMARKS.md, session 22);
 * one thread for all of them held the pass up at 10M rows.
 * Two lanes, as the target machines have two cores: with more lanes than workers, each worker's cache is
 * spread over more accumulators (four lanes on two workers cost 15% more time).
 * At the end of the pass each profiling worker settles its lanes ({@link SnapshotState#settle}), and the distinct row
 * fingerprints are counted on a thread of their own while the lanes merge, so little of the finishing runs on one core.
 * Every worker meters what it costs, so a row consumer's cost is known without timing single rows: wall time busy
 * by {@link System#nanoTime()} around each batch (a consumer's wait for a batch's derivations is not its cost), CPU
 * time of its thread at its start and end and, when consumers share the thread, between one's turn and the next
 * (a thread's CPU clock takes about 1.4 µs to read on these virtual machines: 0.3 s of CPU for the 200,000 reads of
 * ten consumers over 10M rows); what a shared thread spends between batches is divided among its consumers by their
 * busy time.
 * Used by one reader thread; {@link #finish()} waits for the workers.
 */
final class LanePipeline {
    static final int LANES = 2;
    static final int BATCH = 512;
    /**
     * Batches waiting for a worker at most. Few, so that a batch is still in the caches when the last of the row
     * consumers reads it after the profiling worker derived it: with 16 (8,192 rows in flight) the gate took 5% more
     * CPU at 1M than with 4 (BENCHMARKS.md, session 18).
     */
    static final int QUEUED_BATCHES = 4;

    private final SnapshotState[] lanes = new SnapshotState[LANES];
    private final UpdateSketch[] distinctRows = new UpdateSketch[LANES];
    private final List<LaneWorker> workers = new ArrayList<>();
    /** The threads the row consumers share, each giving every batch in file order (or split by split) to its consumers. */
    private final List<LaneWorker> ordered = new ArrayList<>();
    /** Every row's fingerprint, counted distinct at the end: 8 bytes a row, in memory as the run's row memory allows. */
    private final SortedRuns fingerprints;
    private final boolean countsDuplicates;
    private long fingerprinted;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final RowDerivations derivations;
    private List<Row> batch = new ArrayList<>(BATCH);
    private long batches;

    LanePipeline(ProfileRequest request, int threads, String splitColumn, List<Consumer<Row>> consumers) {
        this(request, threads, splitColumn, consumers, List.of(), new MemoryBudget(DatasetDefinition.DEFAULT_ROW_MEMORY));
    }

    /**
     * @param derivations what to attach to every row before the consumers see it (none without consumers)
     * @param rowMemory   the run's row memory, which the fingerprints share with its row checks: beyond it sorted runs
     *                    go to the temporary folder
     */
    LanePipeline(ProfileRequest request, int threads, String splitColumn, List<Consumer<Row>> consumers,
                 List<RowDerivation<?>> derivations, MemoryBudget rowMemory) {
        this.fingerprints = new SortedRuns(1, rowMemory, null);
        this.countsDuplicates = request.measures(ProfileRequest.EdaOnly.DUPLICATE_ROWS);
        this.derivations = new RowDerivations(consumers.isEmpty() ? List.of() : derivations);
        var budget = new ExactValuesBudget();
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new SnapshotState(request, splitColumn, budget);
            distinctRows[i] = RowDuplicates.newSketch();
        }
        int profilers = Math.min(LANES, Math.max(1, threads));
        for (int t = 0; t < profilers; t++) {
            int worker = t;
            workers.add(new LaneWorker("driftwatch-profile-" + t, List.of(this::process), false, () -> {
                for (int lane = worker; lane < LANES; lane += profilers) {
                    lanes[lane].settle();
                }
            }, new int[0], failure, this::rethrow));
        }
        List<Integer> sharing = new ArrayList<>();
        for (int c = 0; c < consumers.size(); c++) {
            if (consumers.get(c) instanceof OwnThreadConsumer own) {
                addConsumerThread(List.of(c), List.of(stepOf(own.consumer())));
            } else {
                sharing.add(c);
            }
        }
        int shared = Math.min(sharing.size(), sharedThreads(threads, ordered.size()));
        for (int t = 0; t < shared; t++) {
            List<Integer> indexes = new ArrayList<>();
            List<LaneWorker.Step> steps = new ArrayList<>();
            for (int i = t; i < sharing.size(); i += shared) {
                indexes.add(sharing.get(i));
                steps.add(stepOf(consumers.get(sharing.get(i))));
            }
            addConsumerThread(indexes, steps);
        }
        workers.forEach(LaneWorker::start);
        ordered.forEach(LaneWorker::start);
    }

    /**
     * The threads the row consumers without one of their own share: those the lanes' workers and the consumers with a
     * thread of their own leave of {@code threads}, and at least one.
     */
    static int sharedThreads(int threads, int ownThreads) {
        return Math.max(1, threads - LANES - ownThreads);
    }

    /** A thread for the consumers of these indexes, taking turns by these steps. */
    private void addConsumerThread(List<Integer> indexes, List<LaneWorker.Step> steps) {
        ordered.add(new LaneWorker("driftwatch-row-check-" + ordered.size(), steps, true, () -> { },
                indexes.stream().mapToInt(Integer::intValue).toArray(), failure, this::rethrow));
    }

    private static LaneWorker.Step stepOf(Consumer<Row> consumer) {
        if (consumer instanceof SplitBySplitConsumer) {
            return (lane, rows, order, derived) -> {
                for (int i : order) {
                    consumer.accept(rows.get(i));
                }
            };
        }
        return (lane, rows, order, derived) -> rows.forEach(consumer);
    }

    void accept(Row row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        int lane = (int) (batches++ % LANES);
        CountDownLatch derived = derivations.size() == 0 ? null : new CountDownLatch(1);
        int[] order = SplitOrder.of(batch);
        workers.get(lane % workers.size()).put(lane, batch, order, derived);
        ordered.forEach(w -> w.put(lane, batch, order, derived));
        batch = new ArrayList<>(BATCH);
        rethrow();
    }

    /**
     * Profiles a batch split by split ({@link SplitOrder}); with derivations, each row's after its profiling, which
     * leaves in the row the hashes of its values ({@link Row#keepValueHashes}) for the derivations that hash the same
     * values.
     */
    private void process(int lane, List<Row> rows, int[] order, CountDownLatch derived) {
        long[] prints = new long[rows.size()];
        SnapshotState state = lanes[lane];
        try {
            for (int i : order) {
                Row row = rows.get(i);
                prints[i] = state.accept(row, derived != null);
                if (derived != null) {
                    row.attach(derivations);
                }
            }
        } finally {
            if (derived != null) {
                derived.countDown();
            }
        }
        if (countsDuplicates) {
            count(lane, prints);
        }
    }

    private void count(int lane, long[] prints) {
        UpdateSketch distinct = distinctRows[lane];
        for (long print : prints) {
            distinct.update(print);
        }
        synchronized (fingerprints) {
            for (long print : prints) {
                fingerprints.add(print);
            }
            fingerprinted += prints.length;
        }
    }

    /**
     * Waits for the workers and returns the merged state, the duplicate rows (null when the request leaves them out)
     * and what the workers cost.
     */
    Result finish() {
        flush();
        workers.forEach(w -> w.put(-1, LaneWorker.END, null, null));
        ordered.forEach(w -> w.put(-1, LaneWorker.END, null, null));
        workers.forEach(LaneWorker::await);
        ordered.forEach(LaneWorker::await);
        rethrow();
        var counted = new AtomicReference<Counted>();
        var counter = new Thread(() -> {
            try {
                counted.set(countDistinctFingerprints());
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }, "driftwatch-row-fingerprints");
        counter.setDaemon(true);
        counter.start();
        SnapshotState merged = lanes[0];
        for (int i = 1; i < LANES; i++) {
            merged.merge(lanes[i]);
        }
        LaneWorker.join(counter);
        rethrow();
        Counted distinct = counted.get();
        Cost profiling = workers.stream().map(w -> w.costs().get(0)).reduce(distinct.cost(), Cost::plus);
        Cost[] consumers = new Cost[ordered.stream().mapToInt(w -> w.consumers().length).sum()];
        for (LaneWorker worker : ordered) {
            for (int i = 0; i < worker.consumers().length; i++) {
                consumers[worker.consumers()[i]] = worker.costs().get(i);
            }
        }
        RowDuplicates duplicates = countsDuplicates
                ? RowDuplicates.counted(fingerprinted, distinct.rows(), distinctRows) : null;
        return new Result(merged, duplicates, profiling, List.of(consumers));
    }

    /** The distinct row fingerprints, counted on a thread of their own while the lanes are merged, and what it cost. */
    private Counted countDistinctFingerprints() {
        CostMeter meter = CostMeter.start();
        synchronized (fingerprints) {
            try (fingerprints) {
                long rows = distinct(fingerprints.sorted());
                return new Counted(rows, meter.stop());
            }
        }
    }

    private record Counted(long rows, Cost cost) {
    }

    private static long distinct(SortedRuns.Cursor sorted) {
        long distinct = 0;
        long last = 0;
        while (sorted.next()) {
            long print = sorted.get(0);
            if (distinct == 0 || print != last) {
                distinct++;
                last = print;
            }
        }
        return distinct;
    }

    /** Stops the workers after a failure of the reader. */
    void abort() {
        workers.forEach(LaneWorker::interrupt);
        ordered.forEach(LaneWorker::interrupt);
        synchronized (fingerprints) {
            fingerprints.close();
        }
    }

    private void rethrow() {
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * @param duplicates the duplicate rows, or null when the request left them out
     * @param profiling  what the profiling workers cost (CPU, and wall time busy, summed over the workers)
     * @param consumers  what each row consumer cost, in the consumers' order
     */
    record Result(SnapshotState state, RowDuplicates duplicates, Cost profiling, List<Cost> consumers) {
    }
}
