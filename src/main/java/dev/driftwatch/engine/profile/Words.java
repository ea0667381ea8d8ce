package dev.driftwatch.engine.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into lower-case words: maximal runs of letters or digits (Unicode-aware). The tokens behind
 * every token count, vocabulary size and distinctive word of a profile. Stateless.
 */
final class Words {
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

    /** Appends the words of a text, with their hashes, to a list. */
    static void into(String text, WordList words) {
        int start = -1;
        boolean ascii = true;
        boolean upper = false;
        long h = FNV_OFFSET;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean word;
            if (c < 128) {
                char lower = c;
                if (c >= 'A' && c <= 'Z') {
                    lower = (char) (c + ('a' - 'A'));
                    word = true;
                } else {
                    word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                }
                if (word) {
                    if (start < 0) {
                        start = i;
                        ascii = true;
                        upper = false;
                        h = FNV_OFFSET;
                    }
                    upper |= lower != c;
                    h = (h ^ lower) * FNV_PRIME;
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
                add(words, text, start, i, ascii, upper, h);
                start = -1;
            }
        }
        if (start >= 0) {
            add(words, text, start, length, ascii, upper, h);
        }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * @param ascii true when {@code text[from, to)} is ASCII, its lower-cased FNV-1a state then in {@code h};
     *              other words are lower-cased as Strings, as case mapping may change their length
     */
    private static void add(WordList words, String text, int from, int to, boolean ascii, boolean upper, long h) {
        if (ascii) {
            words.add(text, from, to, upper, FrequencyCounter.finish(h));
        } else {
            String word = text.substring(from, to).toLowerCase(java.util.Locale.ROOT);
            words.add(word, FrequencyCounter.hash(word));
        }
    }
}
