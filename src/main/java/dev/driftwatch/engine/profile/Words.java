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
        List<String> words = new ArrayList<>();
        int start = -1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean word = c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    : Character.isLetterOrDigit(c);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                words.add(lower(text, start, i));
                start = -1;
            }
        }
        if (start >= 0) {
            words.add(lower(text, start, length));
        }
        return words;
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
