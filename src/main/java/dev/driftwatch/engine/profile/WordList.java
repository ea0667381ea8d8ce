package dev.driftwatch.engine.profile;

import java.util.Arrays;

/**
 * The words of one text, reused from text to text: a copy of the text's characters, and per word its
 * range, whether it has upper-case letters, its {@link StringHash} (of the lower-cased word) and, once
 * counted, its id in the lane's {@link WordIds} (-1 when it has none). A word becomes a String only when
 * asked for. Not thread-safe.
 */
final class WordList {
    private char[] text = new char[256];
    private int[] bounds = new int[128];
    private long[] hashes = new long[64];
    private int[] ids = new int[64];
    private int size;
    private int length;

    /** Starts over with a new text; returns its characters to scan (valid up to its length). */
    char[] reset(String source) {
        int n = source.length();
        if (text.length < n) {
            text = new char[Math.max(n, text.length * 2)];
        }
        source.getChars(0, n, text, 0);
        length = n;
        size = 0;
        return text;
    }

    /** The {@link StringHash} of the whole text. */
    long textHash() {
        return StringHash.of(text, length);
    }

    void clear() {
        size = 0;
    }

    /** Adds the word {@code text[from, to)}; {@code upper} when it has letters to lower-case. */
    void add(int from, int to, boolean upper, long hash) {
        if (size == hashes.length) {
            bounds = Arrays.copyOf(bounds, size * 4);
            hashes = Arrays.copyOf(hashes, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
        }
        bounds[2 * size] = from;
        bounds[2 * size + 1] = upper ? ~to : to;
        hashes[size] = hash;
        ids[size++] = -1;
    }

    int size() {
        return size;
    }

    String word(int i) {
        int to = bounds[2 * i + 1];
        if (to >= 0) {
            return new String(text, bounds[2 * i], to - bounds[2 * i]);
        }
        return new String(text, bounds[2 * i], ~to - bounds[2 * i]).toLowerCase(java.util.Locale.ROOT);
    }

    long hash(int i) {
        return hashes[i];
    }

    int id(int i) {
        return ids[i];
    }

    void setId(int i, int id) {
        ids[i] = id;
    }
}
