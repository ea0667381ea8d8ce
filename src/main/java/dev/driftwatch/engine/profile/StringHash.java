package dev.driftwatch.engine.profile;

/**
 * The 64-bit hash behind value counts, distinct counts, word counts and row fingerprints: UTF-16 characters
 * are packed four to a 64-bit block, each block mixed in with MurmurHash3's x64 body, and the result
 * finished with its fmix64 (so one multiply-rotate step per four characters instead of one per character).
 * Never returns 0, which the open-addressing tables use for "empty". Not the rules' {@code Fingerprint} (MurmurHash3 of
 * the UTF-8 bytes): that one needs an encoded copy of each value, and cannot be computed word by word while the
 * tokenizer scans a text, which this one is. Stateless.
 */
final class StringHash {
    static final long SEED = 0x9E3779B97F4A7C15L;
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private StringHash() {
    }

    static long of(String text) {
        long h = SEED;
        int n = text.length();
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            h = step(h, text.charAt(i) | (long) text.charAt(i + 1) << 16
                    | (long) text.charAt(i + 2) << 32 | (long) text.charAt(i + 3) << 48);
        }
        long tail = 0;
        for (int shift = 0; i < n; i++, shift += 16) {
            tail |= (long) text.charAt(i) << shift;
        }
        return finish(h, tail, n);
    }

    /** The hash of {@code chars[0, length)}; equals {@link #of(String)} of the same characters. */
    static long of(char[] chars, int length) {
        return of(chars, 0, length, false);
    }

    /** The hash of the lower-cased {@code chars[from, to)}, which are ASCII; equals {@link #of(String)} of that word. */
    static long ofLowerAscii(char[] chars, int from, int to) {
        return of(chars, from, to, true);
    }

    private static long of(char[] chars, int from, int to, boolean lowerAscii) {
        long h = SEED;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            h = step(h, charAt(chars, i, lowerAscii) | charAt(chars, i + 1, lowerAscii) << 16
                    | charAt(chars, i + 2, lowerAscii) << 32 | charAt(chars, i + 3, lowerAscii) << 48);
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 16) {
            tail |= charAt(chars, i, lowerAscii) << shift;
        }
        return finish(h, tail, to - from);
    }

    private static long charAt(char[] chars, int i, boolean lowerAscii) {
        char c = chars[i];
        return lowerAscii && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    /**
     * The hash of a word of 1 to 8 characters below 256, given packed a byte each (the first in the low byte);
     * equals {@link #of(String)} of that word.
     */
    static long ofPacked(long bytes, int length) {
        long h = SEED;
        long rest = bytes;
        if (length >= 4) {
            h = step(h, widen(rest));
            rest >>>= 32;
        }
        if (length == 8) {
            h = step(h, widen(rest));
            rest = 0;
        }
        return finish(h, widen(rest), length);
    }

    /** The low four bytes of {@code bytes} as four 16-bit characters. */
    private static long widen(long bytes) {
        return bytes & 0xFFL | (bytes & 0xFF00L) << 8 | (bytes & 0xFF0000L) << 16 | (bytes & 0xFF000000L) << 24;
    }

    /** Mixes one block of four characters (the first in the low 16 bits) into the state {@code h}. */
    static long step(long h, long block) {
        block *= C1;
        block = Long.rotateLeft(block, 31);
        block *= C2;
        h ^= block;
        return Long.rotateLeft(h, 27) * 5 + 0x52dce729;
    }

    /** The hash from the state after the whole blocks, the last 0-3 characters packed as a block, and the length. */
    static long finish(long h, long tail, int length) {
        if (tail != 0) {
            tail *= C1;
            tail = Long.rotateLeft(tail, 31);
            tail *= C2;
            h ^= tail;
        }
        h ^= length;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
