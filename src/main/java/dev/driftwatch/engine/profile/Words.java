package dev.driftwatch.engine.profile;

import java.util.ArrayList;
import java.util.List;
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

    static List<String> of(String text) {
        var list = new WordList();
        into(text, list);
        List<String> words = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            words.add(list.word(i));
        }
        return words;
    }

    /** Replaces the words of a list with those of a text. */
    static void into(String text, WordList words) {
        char[] chars = words.reset(text);
        int length = text.length();
        int start = -1;
        boolean ascii = true;
        boolean upper = false;
        long h = StringHash.SEED;
        long block = 0;
        int shift = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 128) {
                char lower = ASCII_WORD_CHAR[c];
                if (lower != 0) {
                    if (start < 0) {
                        start = i;
                        ascii = true;
                        upper = false;
                        h = StringHash.SEED;
                        block = 0;
                        shift = 0;
                    }
                    upper |= lower != c;
                    block |= (long) lower << shift;
                    shift += 16;
                    if (shift == 64) {
                        h = StringHash.step(h, block);
                        block = 0;
                        shift = 0;
                    }
                    continue;
                }
            } else if (Character.isLetterOrDigit(c)) {
                if (start < 0) {
                    start = i;
                    upper = false;
                }
                ascii = false;
                continue;
            }
            if (start >= 0) {
                add(words, text, start, i, ascii, upper, StringHash.finish(h, block, i - start));
                start = -1;
            }
        }
        if (start >= 0) {
            add(words, text, start, length, ascii, upper, StringHash.finish(h, block, length - start));
        }
    }

    private static void add(WordList words, String text, int from, int to, boolean ascii, boolean upper, long hash) {
        if (ascii) {
            words.add(from, to, upper, hash);
        } else {
            words.add(from, to, true, StringHash.of(text.substring(from, to).toLowerCase(Locale.ROOT)));
        }
    }
}
