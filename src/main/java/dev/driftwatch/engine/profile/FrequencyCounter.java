package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Counts values exactly while there are at most {@code bound} distinct ones, then switches to a
 * frequent-items sketch (DataSketches, Misra-Gries; a count is off by at
 * most about 3.5 / map size of the total). Deterministic for a given order of updates and merges. Not thread-safe.
 */
final class FrequencyCounter {
    private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

    private final int bound;
    private final int sketchMap;
    private Map<String, long[]> exact = new HashMap<>();
    private ItemsSketch<String> sketch;
    private long total;

    /**
     * @param bound     distinct values counted exactly before switching to the sketch
     * @param sketchMap the sketch's map size (a power of 2); it tracks about 3/4 of that many values
     */
    FrequencyCounter(int bound, int sketchMap) {
        this.bound = bound;
        this.sketchMap = sketchMap;
    }

    void update(String value) {
        update(value, 1);
    }

    void update(String value, long count) {
        total += count;
        if (exact != null) {
            long[] slot = exact.get(value);
            if (slot != null) {
                slot[0] += count;
                return;
            }
            if (exact.size() < bound) {
                exact.put(value, new long[] {count});
                return;
            }
            toSketch();
        }
        sketch.update(value, count);
    }

    private void toSketch() {
        sketch = new ItemsSketch<>(sketchMap);
        exact.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sketch.update(e.getKey(), e.getValue()[0]));
        exact = null;
    }

    void merge(FrequencyCounter other) {
        if (other.exact != null) {
            other.exact.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> update(e.getKey(), e.getValue()[0]));
            return;
        }
        if (exact != null) {
            toSketch();
        }
        sketch.merge(other.sketch);
        total += other.total;
    }

    boolean isExact() {
        return exact != null;
    }

    long total() {
        return total;
    }

    /** The estimated count of a value (exact in exact mode; 0 when not tracked). */
    long estimate(String value) {
        if (exact != null) {
            long[] slot = exact.get(value);
            return slot == null ? 0 : slot[0];
        }
        return sketch.getEstimate(value);
    }

    /** Tracked values, most frequent first (ties by value), at most {@code limit}. */
    List<ValueCount> top(int limit) {
        List<ValueCount> all = new ArrayList<>();
        if (exact != null) {
            exact.forEach((value, slot) -> all.add(new ValueCount(value, slot[0])));
        } else {
            for (var row : sketch.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
                all.add(new ValueCount(row.getItem(), row.getEstimate()));
            }
        }
        all.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(bound);
        out.writeInt(sketchMap);
        out.writeLong(total);
        out.writeBoolean(exact != null);
        if (exact != null) {
            out.writeInt(exact.size());
            for (var e : exact.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                Codec.writeString(out, e.getKey());
                out.writeLong(e.getValue()[0]);
            }
        } else {
            Codec.writeBytes(out, sketch.toByteArray(SERDE));
        }
    }

    static FrequencyCounter read(DataInput in) throws IOException {
        var counter = new FrequencyCounter(in.readInt(), in.readInt());
        counter.total = in.readLong();
        if (in.readBoolean()) {
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                counter.exact.put(Codec.readString(in), new long[] {in.readLong()});
            }
        } else {
            counter.exact = null;
            counter.sketch = ItemsSketch.getInstance(Memory.wrap(Codec.readBytes(in)), SERDE);
        }
        return counter;
    }
}
