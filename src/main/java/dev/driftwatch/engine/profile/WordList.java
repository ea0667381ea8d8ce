package dev.driftwatch.engine.profile;

import java.util.Arrays;
import java.util.Locale;

/**
 * A reusable list of words with their {@link FrequencyCounter#hash(String)} hashes. A word is kept as a
 * range of its source text and made a String only when asked for (most words only need their hash, as
 * they are already counted). Not thread-safe.
 */
final class WordList {
    private String[] words = new String[64];
    private String[] sources = new String[64];
    private int[] bounds = new int[128];
    private long[] hashes = new long[64];
    private int size;

    void clear() {
        Arrays.fill(words, 0, size, null);
        Arrays.fill(sources, 0, size, null);
        size = 0;
    }

    void add(String word, long hash) {
        grow();
        words[size] = word;
        sources[size] = null;
        hashes[size++] = hash;
    }

    /** Adds the ASCII word {@code source[from, to)}, lower-cased when {@code upper}, with its hash. */
    void add(String source, int from, int to, boolean upper, long hash) {
        grow();
        words[size] = null;
        sources[size] = source;
        bounds[2 * size] = from;
        bounds[2 * size + 1] = upper ? ~to : to;
        hashes[size++] = hash;
    }

    private void grow() {
        if (size == words.length) {
            words = Arrays.copyOf(words, size * 2);
            sources = Arrays.copyOf(sources, size * 2);
            bounds = Arrays.copyOf(bounds, size * 4);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
    }

    void addAll(WordList other) {
        for (int i = 0; i < other.size; i++) {
            grow();
            words[size] = other.words[i];
            sources[size] = other.sources[i];
            bounds[2 * size] = other.bounds[2 * i];
            bounds[2 * size + 1] = other.bounds[2 * i + 1];
            hashes[size++] = other.hashes[i];
        }
    }

    int size() {
        return size;
    }

    String word(int i) {
        String word = words[i];
        if (word == null) {
            int to = bounds[2 * i + 1];
            word = to < 0 ? sources[i].substring(bounds[2 * i], ~to).toLowerCase(Locale.ROOT)
                    : sources[i].substring(bounds[2 * i], to);
            words[i] = word;
        }
        return word;
    }

    long hash(int i) {
        return hashes[i];
    }
}
