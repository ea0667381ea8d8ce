package dev.driftwatch.engine.spill;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of sorted records that the {@link SortedRuns} sharing it may keep in memory together: a run's
 * {@code row_memory}. A buffer takes a chunk's bytes before it allocates the chunk and gives them back when it spills
 * or is closed. A buffer's first chunk is always granted, so every buffer makes progress: together the buffers hold
 * at most the limit plus one chunk each. Thread-safe.
 */
public final class MemoryBudget {
    private final long limit;
    private final AtomicLong inUse = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    /** @param limit bytes (0 or more; 0 leaves each buffer only its first chunk) */
    public MemoryBudget(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("expected a budget of 0 or more bytes but found " + limit);
        }
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** Bytes taken and not yet given back. */
    public long inUse() {
        return inUse.get();
    }

    /** The most bytes ever in use at once. */
    public long peak() {
        return peak.get();
    }

    /** Takes the bytes if they fit under the limit with what is in use; false, taking nothing, if not. */
    boolean tryTake(long bytes) {
        long used;
        do {
            used = inUse.get();
            if (used + bytes > limit) {
                return false;
            }
        } while (!inUse.compareAndSet(used, used + bytes));
        peak.accumulateAndGet(used + bytes, Math::max);
        return true;
    }

    /** Takes the bytes even beyond the limit: a buffer's first chunk. */
    void take(long bytes) {
        peak.accumulateAndGet(inUse.addAndGet(bytes), Math::max);
    }

    void give(long bytes) {
        inUse.addAndGet(-bytes);
    }
}
