package dev.driftwatch.engine.profile;

import java.util.Arrays;

/**
 * Counts words into a {@link FrequencyCounter} (and, optionally, into a vocabulary sketch and an exact
 * {@link WordVocabulary}), fast: a word with an id in the lane's {@link WordIds} is counted in an array slot, the
 * others straight into the counter and the vocabulary. {@link #counter()} folds the array into the counter, in id
 * order (weighted updates of a Misra-Gries summary), and into the sketch and the vocabulary. Not thread-safe.
 */
final class WordCounts {
    private final WordIds ids;
    private final FrequencyCounter counter;
    private final DistinctCounter vocabulary;
    private final WordVocabulary allWords;
    private int[] counts = new int[64];

    /** Counts words into a counter alone. */
    WordCounts(WordIds ids, FrequencyCounter counter) {
        this(ids, counter, null, null);
    }

    /**
     * @param vocabulary the sketch of the distinct words counted
     * @param allWords   every word with its occurrences
     */
    WordCounts(WordIds ids, FrequencyCounter counter, DistinctCounter vocabulary, WordVocabulary allWords) {
        this.ids = ids;
        this.counter = counter;
        this.vocabulary = vocabulary;
        this.allWords = allWords;
    }

    /** Counts word {@code i} of a list, whose id ({@link WordList#id}) is resolved. */
    void add(WordList words, int i) {
        int id = words.id(i);
        if (id < 0) {
            if (counter.update(words, i) && vocabulary != null) {
                vocabulary.updateHash(words.hash(i));
            }
            if (allWords != null) {
                allWords.add(words.hash(i), 1);
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
                if (allWords != null) {
                    allWords.add(ids.hash(id), counts[id]);
                }
                counts[id] = 0;
            }
        }
        return counter;
    }
}
