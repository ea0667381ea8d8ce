package dev.driftwatch.engine.profile;

/**
 * A set of 64-bit fingerprints: open addressing over a primitive {@code long[]} (8 bytes a slot, at most
 * 70% full, so about 11-23 bytes per distinct element; 10 million rows take 128 MiB). Not thread-safe.
 */
final class LongSet {
    private static final long EMPTY = 0;
    private long[] slots = new long[1 << 10];
    private int size;

    /** Adds a value; returns false when it was already there. */
    boolean add(long value) {
        long key = value == EMPTY ? 1 : value;
        if (size + 1 > slots.length * 0.7) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) (mix(key) & mask);
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long key : old) {
            if (key != EMPTY) {
                add(key);
            }
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
