package dev.driftwatch.engine.profile;

import java.util.Locale;

/**
 * Splits text into lower-case words: maximal runs of letters or digits (Unicode-aware, letters beyond the Basic
 * Multilingual Plane such as 𝘢 included). The tokens behind
 * every token count, vocabulary size and distinctive word of a profile. ASCII words are lower-cased while the text is
 * scanned, and the short ones packed into their {@link WordList} key; other words are lower-cased as Strings, as case
 * mapping may change their length. Stateless.
 */
final class Words {
    /** For each ASCII character: itself lower-cased when it is a letter or digit, else 0. */
    private static final char[] ASCII_WORD_CHAR = new char[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD_CHAR[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD_CHAR[c] = c;
            ASCII_WORD_CHAR[c - 'a' + 'A'] = c;
        }
    }

    private Words() {
    }

    /** Replaces the words of a list with those of a text. */
    static void into(String text, WordList words) {
        char[] chars = words.reset(text);
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (wordCharWidth(chars, i, length) == 0) {
                i++;
                continue;
            }
            int start = i;
            long packed = 0;
            int shift = 0;
            boolean upper = false;
            char c = 0;
            char lower;
            while (i < length && (c = chars[i]) < 128 && (lower = ASCII_WORD_CHAR[c]) != 0) {
                upper |= lower != c;
                packed |= (long) lower << shift;
                shift += 8;
                i++;
            }
            if (i < length && c >= 128 && wordCharWidth(chars, i, length) > 0) {
                int width;
                while (i < length && (width = wordCharWidth(chars, i, length)) > 0) {
                    i += width;
                }
                words.addHashed(start, i, true, StringHash.of(text.substring(start, i).toLowerCase(Locale.ROOT)));
            } else if (i - start <= WordList.PACKED_LENGTH) {
                words.addPacked(start, i, upper, packed);
            } else {
                words.addLong(start, i, upper);
            }
        }
    }

    /** The UTF-16 units of the letter or digit at {@code i} (2 for a surrogate pair), or 0 when it is neither. */
    private static int wordCharWidth(char[] chars, int i, int length) {
        char c = chars[i];
        if (c < 128) {
            return ASCII_WORD_CHAR[c] != 0 ? 1 : 0;
        }
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
            return Character.isLetterOrDigit(Character.toCodePoint(c, chars[i + 1])) ? 2 : 0;
        }
        return Character.isLetterOrDigit(c) ? 1 : 0;
    }
}
