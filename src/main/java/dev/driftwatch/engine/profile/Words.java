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
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean word = c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    : Character.isLetterOrDigit(c);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                add(words, lower(text, start, i));
                start = -1;
            }
        }
        if (start >= 0) {
            add(words, lower(text, start, length));
        }
    }

    private static void add(WordList words, String word) {
        words.add(word, FrequencyCounter.hash(word));
    }

    private static String lower(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 128) {
                return text.substring(from, to).toLowerCase(java.util.Locale.ROOT);
            }
        }
        return text.substring(from, to);
    }
}
