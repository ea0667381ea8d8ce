package dev.driftwatch.engine.profile;

import java.util.Locale;

/**
 * Splits text into lower-case words: maximal runs of letters or digits (Unicode-aware). The tokens behind
 * every token count, vocabulary size and distinctive word of a profile. ASCII words are lower-cased and
 * hashed ({@link StringHash}) while the text is scanned; other words are lower-cased as Strings, as case
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
            long h = StringHash.SEED;
            long block = 0;
            int shift = 0;
            boolean upper = false;
            char c = 0;
            char lower;
            while (i < length && (c = chars[i]) < 128 && (lower = ASCII_WORD_CHAR[c]) != 0) {
                upper |= lower != c;
                block |= (long) lower << shift;
                shift += 16;
                if (shift == 64) {
                    h = StringHash.step(h, block);
                    block = 0;
                    shift = 0;
                }
                i++;
            }
            if (i < length && c >= 128 && Character.isLetterOrDigit(c)) {
                while (i < length && isWordChar(chars[i])) {
                    i++;
                }
                words.add(start, i, true, StringHash.of(text.substring(start, i).toLowerCase(Locale.ROOT)));
            } else {
                words.add(start, i, upper, StringHash.finish(h, block, i - start));
            }
        }
    }

    private static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD_CHAR[c] != 0 : Character.isLetterOrDigit(c);
    }
}
