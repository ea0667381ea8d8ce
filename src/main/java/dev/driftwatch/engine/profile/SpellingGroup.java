package dev.driftwatch.engine.profile;

import java.util.List;

/**
 * Spellings of one value that normalise to the same key (Unicode NFKC, lower case, letters and digits
 * only): {@code IT}, {@code I.T.} and {@code it} all become {@code it}.
 *
 * @param key       the normalised form
 * @param spellings the spellings with their counts, most frequent first (at least two)
 * @param count     rows holding any of the spellings
 */
public record SpellingGroup(String key, List<ValueCount> spellings, long count) {
    public SpellingGroup {
        spellings = List.copyOf(spellings);
        if (spellings.size() < 2) {
            throw new IllegalArgumentException("expected at least 2 spellings but found " + spellings.size());
        }
    }
}
