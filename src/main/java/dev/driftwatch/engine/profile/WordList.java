package dev.driftwatch.engine.profile;

import java.util.Arrays;

/** A reusable list of words with their {@link FrequencyCounter#hash(String)} hashes. Not thread-safe. */
final class WordList {
    private String[] words = new String[64];
    private long[] hashes = new long[64];
    private int size;

    void clear() {
        size = 0;
    }

    void add(String word, long hash) {
        if (size == words.length) {
            words = Arrays.copyOf(words, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        words[size] = word;
        hashes[size++] = hash;
    }

    void addAll(WordList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.words[i], other.hashes[i]);
        }
    }

    int size() {
        return size;
    }

    String word(int i) {
        return words[i];
    }

    long hash(int i) {
        return hashes[i];
    }
}
