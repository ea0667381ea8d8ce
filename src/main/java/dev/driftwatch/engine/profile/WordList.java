package dev.driftwatch.engine.profile;

import java.util.Arrays;
import java.util.Locale;

/**
 * The words of one text, reused from text to text: a copy of the text's characters, and per word its range,
 * whether it has upper-case letters, its key, its {@link StringHash} (of the lower-cased word) and, once counted,
 * its id in the lane's {@link WordIds} (-1 when it has none). A word becomes a String only when asked for.
 *
 * <p>The key identifies a word for {@link WordIds}: an ASCII word of at most 8 characters is its own key (its
 * lower-cased characters packed a byte each, so the top bit is 0), which costs no hashing; any other word's key is
 * its hash with the top bit set. Hashes of short words, and keys and hashes of long ASCII words, are computed when
 * first asked for. Not thread-safe.
 */
final class WordList {
    static final int PACKED_LENGTH = 8;

    private char[] text = new char[256];
    private int[] bounds = new int[128];
    private long[] keys = new long[64];
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

    /** Adds the ASCII word {@code text[from, to)} of at most {@value #PACKED_LENGTH} characters, lower-cased in {@code packed}. */
    void addPacked(int from, int to, boolean upper, long packed) {
        add(from, to, upper, packed, 0);
    }

    /** Adds an ASCII word {@code text[from, to)} of more than {@value #PACKED_LENGTH} characters. */
    void addLong(int from, int to, boolean upper) {
        add(from, to, upper, 0, 0);
    }

    /** Adds any word {@code text[from, to)}, given the hash of its lower-cased form. */
    void addHashed(int from, int to, boolean upper, long hash) {
        add(from, to, upper, hash | Long.MIN_VALUE, hash);
    }

    private void add(int from, int to, boolean upper, long key, long hash) {
        if (size == ids.length) {
            bounds = Arrays.copyOf(bounds, size * 4);
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
        }
        bounds[2 * size] = from;
        bounds[2 * size + 1] = upper ? ~to : to;
        keys[size] = key;
        hashes[size] = hash;
        ids[size++] = -1;
    }

    int size() {
        return size;
    }

    String word(int i) {
        int from = bounds[2 * i];
        int to = bounds[2 * i + 1];
        if (to >= 0) {
            return new String(text, from, to - from);
        }
        return new String(text, from, ~to - from).toLowerCase(Locale.ROOT);
    }

    /** The word's key for {@link WordIds} (never 0). */
    long key(int i) {
        long key = keys[i];
        if (key == 0) {
            key = hash(i) | Long.MIN_VALUE;
            keys[i] = key;
        }
        return key;
    }

    /** The {@link StringHash} of the lower-cased word. */
    long hash(int i) {
        long hash = hashes[i];
        if (hash == 0) {
            int from = bounds[2 * i];
            int to = bounds[2 * i + 1] < 0 ? ~bounds[2 * i + 1] : bounds[2 * i + 1];
            hash = keys[i] > 0 ? StringHash.ofPacked(keys[i], to - from) : StringHash.ofLowerAscii(text, from, to);
            hashes[i] = hash;
        }
        return hash;
    }

    int id(int i) {
        return ids[i];
    }

    void setId(int i, int id) {
        ids[i] = id;
    }
}
