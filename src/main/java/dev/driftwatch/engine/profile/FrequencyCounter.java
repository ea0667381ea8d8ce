package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Counts values: exactly while at most {@code capacity} distinct values have been seen, then as a
 * Misra-Gries summary (the frequent-items algorithm of DataSketches: when the table overflows, the median
 * count is subtracted from every counter and the counters at or below zero are dropped). An estimate is a
 * tracked counter plus the total subtracted so far ({@link #maxError()}), so it is at most that much above the
 * true count; a value with a true count above the error is always tracked. The error is at most about
 * 2 n / capacity for n updates. Merging adds counters (then purges) and errors (Agarwal et al. 2012).
 *
 * <p>Values are identified by a 64-bit hash ({@link StringHash}) in an open-addressing table
 * of primitive longs, which keeps lookups to one cache line; two values collide with probability about 2^-64.
 * Deterministic for a given order of updates and merges. Not thread-safe.
 */
final class FrequencyCounter {
    private final int capacity;
    private final int maxEntries;
    private long[] slots = new long[2 * 16];
    private String[] keys = new String[16];
    private int size;
    /** Reused by purges: counts to select the median from, and the table replaced by the last rebuild at full size. */
    private long[] scratch;
    private long[] spareSlots;
    private String[] spareKeys;
    private long offset;
    private long total;

    FrequencyCounter(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("expected a capacity of at least 2 but found " + capacity);
        }
        this.capacity = capacity;
        this.maxEntries = Integer.highestOneBit(Math.min(capacity, 1 << 28)) * 4;
    }

    static long hash(String value) {
        return StringHash.of(value);
    }

    void update(String value) {
        update(value, hash(value), 1);
    }

    void update(String value, long count) {
        update(value, hash(value), count);
    }

    /** @param hash {@link #hash(String)} of the value, when the caller has it already */
    void update(String value, long hash, long count) {
        total += count;
        add(hash, value, count);
    }

    /**
     * Counts word {@code index} of a list once; the word becomes a String only when it is not tracked yet.
     *
     * @return true when the word was not tracked before this update
     */
    boolean update(WordList words, int index) {
        total++;
        long hash = words.hash(index);
        int i = slotOf(hash);
        if (slots[2 * i] == hash) {
            slots[2 * i + 1]++;
            return false;
        }
        insert(i, hash, words.word(index), 1);
        return true;
    }

    /** The slot holding {@code hash}, or the empty slot where it would go. */
    private int slotOf(long hash) {
        long[] s = slots;
        int mask = keys.length - 1;
        int i = (int) hash & mask;
        long h;
        while ((h = s[2 * i]) != 0 && h != hash) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void add(long hash, String value, long count) {
        int i = slotOf(hash);
        if (slots[2 * i] == hash) {
            slots[2 * i + 1] += count;
            return;
        }
        insert(i, hash, value, count);
    }

    private void insert(int i, long hash, String value, long count) {
        slots[2 * i] = hash;
        slots[2 * i + 1] = count;
        keys[i] = value;
        size++;
        if (size > capacity) {
            purge();
        } else if (size > keys.length / 2 && keys.length < maxEntries) {
            rebuild(keys.length * 2, 0);
        }
    }

    private void purge() {
        if (scratch == null || scratch.length < size) {
            scratch = new long[size];
        }
        long[] counts = scratch;
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (slots[2 * i] != 0) {
                counts[n++] = slots[2 * i + 1];
            }
        }
        long cut = select(counts, n, n / 2);
        offset += cut;
        rebuild(keys.length, cut);
    }

    /** The {@code k}-th smallest of {@code a[0, n)} (the order statistic, as after sorting); reorders {@code a}. */
    private static long select(long[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            long pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /** Re-inserts every entry into a table of {@code entries} slots, less {@code cut}, dropping those left at or below zero. */
    private void rebuild(int entries, long cut) {
        long[] oldSlots = slots;
        String[] oldKeys = keys;
        if (spareKeys != null && spareKeys.length == entries) {
            slots = spareSlots;
            keys = spareKeys;
            Arrays.fill(slots, 0L);
            Arrays.fill(keys, null);
        } else {
            slots = new long[2 * entries];
            keys = new String[entries];
        }
        size = 0;
        int mask = entries - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long hash = oldSlots[2 * j];
            long count = oldSlots[2 * j + 1] - cut;
            if (hash == 0 || count <= 0) {
                continue;
            }
            int i = (int) hash & mask;
            while (slots[2 * i] != 0) {
                i = (i + 1) & mask;
            }
            slots[2 * i] = hash;
            slots[2 * i + 1] = count;
            keys[i] = oldKeys[j];
            size++;
        }
        if (oldKeys.length == maxEntries) {
            spareSlots = oldSlots;
            spareKeys = oldKeys;
        }
    }

    void merge(FrequencyCounter other) {
        for (ValueCount entry : other.entriesByValue()) {
            add(hash(entry.value()), entry.value(), entry.count());
        }
        offset += other.offset;
        total += other.total;
    }

    /** The tracked counters (without the offset), in value order. */
    private List<ValueCount> entriesByValue() {
        List<ValueCount> entries = new ArrayList<>(size);
        for (int i = 0; i < keys.length; i++) {
            if (slots[2 * i] != 0) {
                entries.add(new ValueCount(keys[i], slots[2 * i + 1]));
            }
        }
        entries.sort(Comparator.comparing(ValueCount::value));
        return entries;
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
        return estimate(hash(value));
    }

    /** {@link #estimate(String)} of the value with this {@link #hash(String)}. */
    long estimate(long hash) {
        int i = slotOf(hash);
        return slots[2 * i] == hash ? slots[2 * i + 1] + offset : 0;
    }

    /** Tracked values, most frequent first (ties by value), at most {@code limit}. */
    List<ValueCount> top(int limit) {
        List<ValueCount> all = new ArrayList<>(size);
        for (int i = 0; i < keys.length; i++) {
            if (slots[2 * i] != 0) {
                all.add(new ValueCount(keys[i], slots[2 * i + 1] + offset));
            }
        }
        all.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(capacity);
        out.writeLong(total);
        out.writeLong(offset);
        List<ValueCount> entries = entriesByValue();
        out.writeInt(entries.size());
        for (ValueCount entry : entries) {
            Codec.writeString(out, entry.value());
            out.writeLong(entry.count());
        }
    }

    static FrequencyCounter read(DataInput in) throws IOException {
        var counter = new FrequencyCounter(in.readInt());
        counter.total = in.readLong();
        long offset = in.readLong();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            String value = Codec.readString(in);
            counter.add(hash(value), value, in.readLong());
        }
        counter.offset = offset;
        return counter;
    }
}
