package dev.driftwatch.engine.rule.rows;

import java.util.Arrays;

/**
 * The set of a text's shingle hashes ({@link Shingles}), in an open-addressing table that is reused from
 * text to text, for exact Jaccard similarity in time linear in the texts' lengths. Not thread-safe.
 */
final class ShingleSet {
    private long[] hashes = new long[256];
    private long[] slots = new long[512];
    private char[] chars = new char[256];
    private int slotMask;
    private boolean hasZero;
    private int size;

    /** Makes this the shingle set of the text; returns this. */
    ShingleSet of(String text) {
        int count = Shingles.count(text.length());
        if (hashes.length < count) {
            hashes = new long[Math.max(count, hashes.length * 2)];
        }
        chars = Shingles.chars(text, chars);
        count = Shingles.hashes(chars, text.length(), hashes);
        int capacity = Integer.highestOneBit(Math.max(8, count * 2 - 1)) << 1;
        if (slots.length < capacity) {
            slots = new long[capacity];
        }
        Arrays.fill(slots, 0, capacity, 0);
        hasZero = false;
        size = 0;
        int mask = capacity - 1;
        for (int i = 0; i < count; i++) {
            long hash = hashes[i];
            if (hash == 0) {
                size += hasZero ? 0 : 1;
                hasZero = true;
                continue;
            }
            int slot = (int) hash & mask;
            while (slots[slot] != 0 && slots[slot] != hash) {
                slot = slot + 1 & mask;
            }
            if (slots[slot] == 0) {
                slots[slot] = hash;
                size++;
            }
        }
        slotMask = mask;
        return this;
    }

    int size() {
        return size;
    }

    boolean contains(long hash) {
        if (hash == 0) {
            return hasZero;
        }
        int slot = (int) hash & slotMask;
        while (slots[slot] != 0) {
            if (slots[slot] == hash) {
                return true;
            }
            slot = slot + 1 & slotMask;
        }
        return false;
    }

    /** |A ∩ B| / |A ∪ B| of this set and another. */
    double jaccard(ShingleSet other) {
        int common = hasZero && other.hasZero ? 1 : 0;
        for (int slot = 0; slot <= slotMask; slot++) {
            if (slots[slot] != 0 && other.contains(slots[slot])) {
                common++;
            }
        }
        return (double) common / (size + other.size - common);
    }
}
