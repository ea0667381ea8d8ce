package dev.driftwatch.engine.rule.rows;

/**
 * The character 5-grams ("shingles") of a text as 64-bit hashes, one per shingle (their set:
 * {@link ShingleSet}). A text shorter than a shingle is one shingle (the empty text too).
 * Shingles are UTF-16 code units, as {@link String#substring} cuts them. Two different shingles share a
 * hash with probability about 2⁻⁶⁴: the same trust Driftwatch puts in its 64-bit row fingerprints.
 * Stateless and thread-safe.
 */
final class Shingles {
    static final int LENGTH = 5;
    private static final long WINDOW_MULTIPLIER = 0x9E3779B97F4A7C15L;

    private Shingles() {
    }

    /** The number of shingles of a text of this length (with repeats). */
    static int count(int textLength) {
        return Math.max(1, textLength - LENGTH + 1);
    }

    /**
     * Writes the hash of every shingle of the text, its first {@code length} characters, in text order with repeats,
     * into {@code into} (which must hold {@link #count(int)} values) and returns how many.
     */
    static int hashes(char[] text, int length, long[] into) {
        if (length < LENGTH) {
            long packed = 0;
            for (int i = 0; i < length; i++) {
                packed = packed << 16 | text[i];
            }
            into[0] = mix(mix(packed) ^ (long) length << 32);
            return 1;
        }
        // the four characters before position i, 16 bits each
        long window = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            window = window << 16 | text[i];
        }
        // the window times an odd constant is a bijection; adding the fifth character and mixing once costs half
        // of mixing twice, and two shingles of real text meet only if their windows differ by one of 2^17 fixed
        // pseudo-random 64-bit values
        int n = 0;
        for (int i = LENGTH - 1; i < length; i++) {
            char c = text[i];
            into[n++] = mix(window * WINDOW_MULTIPLIER + c);
            window = window << 16 | c;
        }
        return n;
    }

    /** The characters of a text in {@code scratch}, or in a new array when it is too short. */
    static char[] chars(CharSequence text, char[] scratch) {
        int length = text.length();
        char[] chars = scratch.length >= length ? scratch : new char[Math.max(length, scratch.length * 2)];
        if (text instanceof String string) {
            string.getChars(0, length, chars, 0);
        } else if (text instanceof StringBuilder builder) {
            builder.getChars(0, length, chars, 0);
        } else {
            for (int i = 0; i < length; i++) {
                chars[i] = text.charAt(i);
            }
        }
        return chars;
    }

    /** SplitMix64's finaliser: a bijection of 64-bit values whose every output bit depends on every input bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
