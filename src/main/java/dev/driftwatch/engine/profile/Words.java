package dev.driftwatch.engine.profile;

import java.util.Locale;

/**
 * Splits text into lower-case words: maximal runs of letters or digits (Unicode-aware). The tokens behind
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
            if (!isWordChar(chars[i])) {
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
            if (i < length && c >= 128 && Character.isLetterOrDigit(c)) {
                while (i < length && isWordChar(chars[i])) {
                    i++;
                }
                words.addHashed(start, i, true, StringHash.of(text.substring(start, i).toLowerCase(Locale.ROOT)));
            } else if (i - start <= WordList.PACKED_LENGTH) {
                words.addPacked(start, i, upper, packed);
            } else {
                words.addLong(start, i, upper);
            }
        }
    }

    private static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD_CHAR[c] != 0 : Character.isLetterOrDigit(c);
    }
}
