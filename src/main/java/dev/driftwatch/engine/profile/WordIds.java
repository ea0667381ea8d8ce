package dev.driftwatch.engine.profile;

import java.util.Arrays;

/**
 * Dense ids for the first {@value #MAX_WORDS} distinct words of one lane, shared by the text columns and tags of
 * all its splits: a word is looked up once per occurrence, and each of its counters is then an array slot
 * ({@link WordCounts}), not another hash table. Words beyond the bound get no id and are counted by Misra-Gries
 * summaries instead. Memory: at most about 1 MiB plus the words. Not thread-safe.
 */
final class WordIds {
    static final int MAX_WORDS = 1 << 14;

    /** Open addressing: slot s holds a word's {@link WordList#key} at 2s and its id at 2s + 1 (one cache line per probe). */
    private long[] table = new long[2 << 10];
    private long[] hashes = new long[1 << 9];
    private String[] words = new String[1 << 9];
    private int size;

    /** Looks up word {@code i} of a list and records its id there (-1 when it has none: the dictionary is full). */
    void resolve(WordList list, int i) {
        long key = list.key(i);
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        int slot = slotOf(key) & mask;
        long k;
        while ((k = t[2 * slot]) != 0) {
            if (k == key) {
                list.setId(i, (int) t[2 * slot + 1]);
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size == MAX_WORDS) {
            list.setId(i, -1);
            return;
        }
        int id = size++;
        if (id == hashes.length) {
            hashes = Arrays.copyOf(hashes, id * 2);
            words = Arrays.copyOf(words, id * 2);
        }
        hashes[id] = list.hash(i);
        words[id] = list.word(i);
        t[2 * slot] = key;
        t[2 * slot + 1] = id;
        if (size * 4 > t.length) {
            grow();
        }
        list.setId(i, id);
    }

    int size() {
        return size;
    }

    long hash(int id) {
        return hashes[id];
    }

    String word(int id) {
        return words[id];
    }

    /** Spreads a key over the slots (a packed word's low bits are its first letters). */
    private static int slotOf(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = (table.length >> 1) - 1;
        for (int j = 0; j < old.length; j += 2) {
            if (old[j] != 0) {
                int slot = slotOf(old[j]) & mask;
                while (table[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = old[j];
                table[2 * slot + 1] = old[j + 1];
            }
        }
    }
}
