package dev.driftwatch.engine.profile;

import java.util.List;

/**
 * The text of a column (declared {@code inputs} or {@code text}): lengths in characters and in words
 * (lower-cased runs of letters and digits), the share of empty texts, the vocabulary size (HyperLogLog,
 * about 1.6% relative error) and the most frequent words, with which {@link #outOfVocabularyRate(TextSummary)}
 * compares two snapshots. Immutable once built.
 */
public final class TextSummary {
    private final NumericSummary chars;
    private final NumericSummary words;
    private final long texts;
    private final long empty;
    private final long vocabularySize;
    private final FrequencyCounter frequentWords;

    TextSummary(NumericSummary chars, NumericSummary words, long texts, long empty, long vocabularySize,
                FrequencyCounter frequentWords) {
        this.chars = chars;
        this.words = words;
        this.texts = texts;
        this.empty = empty;
        this.vocabularySize = vocabularySize;
        this.frequentWords = frequentWords;
    }

    /** Length in characters (UTF-16 units) of every text, missing ones as 0; null when there was none. */
    public NumericSummary chars() {
        return chars;
    }

    /** Length in words of every text, missing ones as 0; null when there was none. */
    public NumericSummary words() {
        return words;
    }

    /** Texts seen, empty ones included. */
    public long texts() {
        return texts;
    }

    /** Missing, empty or blank texts. */
    public long empty() {
        return empty;
    }

    public double emptyShare() {
        return texts == 0 ? 0 : (double) empty / texts;
    }

    /** Estimated distinct words. */
    public long vocabularySize() {
        return vocabularySize;
    }

    /** Words in all texts. */
    public long wordCount() {
        return frequentWords.total();
    }

    /** True while the word counts are exact (at most 6,144 distinct words); otherwise they are Misra-Gries estimates. */
    public boolean wordCountsExact() {
        return frequentWords.isExact();
    }

    /** The most frequent words, most frequent first. */
    public List<ValueCount> frequentWords(int limit) {
        return frequentWords.top(limit);
    }

    /** The estimated number of occurrences of a word (0 when it is not among the tracked words). */
    public long wordCount(String word) {
        return frequentWords.estimate(word);
    }

    /**
     * The share of this text's word occurrences whose word is not among the reference's tracked words
     * (its {@code limit} most frequent ones; use a large limit such as 5,000 for a vocabulary). In [0, 1].
     */
    public double outOfVocabularyRate(TextSummary reference, int limit) {
        long total = wordCount();
        if (total == 0) {
            return 0;
        }
        long known = 0;
        for (ValueCount word : reference.frequentWords(limit)) {
            known += wordCount(word.value());
        }
        return Math.max(0, Math.min(1, 1 - (double) known / total));
    }
}
