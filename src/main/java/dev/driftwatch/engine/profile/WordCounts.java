package dev.driftwatch.engine.profile;

import java.util.Arrays;

/**
 * Counts words into a {@link FrequencyCounter} (and, optionally, their hashes into a vocabulary sketch), fast: a
 * word with an id in the lane's {@link WordIds} is counted in an array slot, the others straight into the counter.
 * {@link #counter()} folds the array into the counter, in id order (weighted updates of a Misra-Gries summary),
 * and the words it holds into the sketch. Not thread-safe.
 */
final class WordCounts {
    private final WordIds ids;
    private final FrequencyCounter counter;
    private final DistinctCounter vocabulary;
    private int[] counts = new int[64];

    /** @param vocabulary the sketch of the distinct words counted, or null */
    WordCounts(WordIds ids, FrequencyCounter counter, DistinctCounter vocabulary) {
        this.ids = ids;
        this.counter = counter;
        this.vocabulary = vocabulary;
    }

    /** Counts word {@code i} of a list, whose id ({@link WordList#id}) is resolved. */
    void add(WordList words, int i) {
        int id = words.id(i);
        if (id < 0) {
            if (counter.update(words, i) && vocabulary != null) {
                vocabulary.updateHash(words.hash(i));
            }
            return;
        }
        if (id >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(id + 1, Math.min(WordIds.MAX_WORDS, counts.length * 2)));
        }
        if (++counts[id] == Integer.MAX_VALUE) {
            counter();
        }
    }

    /** The counts so far, as a Misra-Gries summary (the array is folded in and cleared). */
    FrequencyCounter counter() {
        int used = Math.min(counts.length, ids.size());
        for (int id = 0; id < used; id++) {
            if (counts[id] > 0) {
                counter.update(ids.word(id), ids.hash(id), counts[id]);
                if (vocabulary != null) {
                    vocabulary.updateHash(ids.hash(id));
                }
                counts[id] = 0;
            }
        }
        return counter;
    }
}
