package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts values: exactly while at most {@code capacity} distinct values have been seen, then as a
 * Misra-Gries summary (the frequent-items algorithm of DataSketches: when the map overflows, the median
 * count is subtracted from every counter and the counters at or below zero are dropped). An estimate is a
 * tracked counter plus the total subtracted so far ({@link #maxError()}), so it is at most that much above the
 * true count; a value with a true count above the error is always tracked. The error is at most about
 * 2 n / capacity for n updates. Merging adds counters (then purges) and errors (Agarwal et al. 2012).
 * Deterministic for a given order of updates and merges. Not thread-safe.
 */
final class FrequencyCounter {
    private final int capacity;
    private final Map<String, long[]> counts = new HashMap<>();
    private long offset;
    private long total;

    FrequencyCounter(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("expected a capacity of at least 2 but found " + capacity);
        }
        this.capacity = capacity;
    }

    void update(String value) {
        update(value, 1);
    }

    void update(String value, long count) {
        total += count;
        add(value, count);
    }

    private void add(String value, long count) {
        long[] slot = counts.get(value);
        if (slot != null) {
            slot[0] += count;
            return;
        }
        counts.put(value, new long[] {count});
        if (counts.size() > capacity) {
            purge();
        }
    }

    private void purge() {
        long[] values = new long[counts.size()];
        int i = 0;
        for (long[] slot : counts.values()) {
            values[i++] = slot[0];
        }
        Arrays.sort(values);
        long cut = values[values.length / 2];
        counts.values().forEach(slot -> slot[0] -= cut);
        counts.values().removeIf(slot -> slot[0] <= 0);
        offset += cut;
    }

    void merge(FrequencyCounter other) {
        other.counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> add(e.getKey(), e.getValue()[0]));
        offset += other.offset;
        total += other.total;
    }

    /** True while every count is exact (no value was ever dropped). */
    boolean isExact() {
        return offset == 0;
    }

    /** The most a count may be overestimated by (0 when exact). */
    long maxError() {
        return offset;
    }

    long total() {
        return total;
    }

    /** The estimated count of a value: exact when {@link #isExact()}; 0 when not tracked. */
    long estimate(String value) {
        long[] slot = counts.get(value);
        return slot == null ? 0 : slot[0] + offset;
    }

    /** Tracked values, most frequent first (ties by value), at most {@code limit}. */
    List<ValueCount> top(int limit) {
        List<ValueCount> all = new ArrayList<>(counts.size());
        counts.forEach((value, slot) -> all.add(new ValueCount(value, slot[0] + offset)));
        all.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(capacity);
        out.writeLong(total);
        out.writeLong(offset);
        out.writeInt(counts.size());
        for (var e : counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Codec.writeString(out, e.getKey());
            out.writeLong(e.getValue()[0]);
        }
    }

    static FrequencyCounter read(DataInput in) throws IOException {
        var counter = new FrequencyCounter(in.readInt());
        counter.total = in.readLong();
        counter.offset = in.readLong();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            counter.counts.put(Codec.readString(in), new long[] {in.readLong()});
        }
        return counter;
    }
}
