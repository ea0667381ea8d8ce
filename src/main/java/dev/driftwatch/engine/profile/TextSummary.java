package dev.driftwatch.engine.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text of a column (declared {@code inputs} or {@code text}): lengths in characters and in words
 * (lower-cased runs of letters and digits), the share of empty texts, the vocabulary (every distinct word with its
 * occurrences, exact up to {@value WordVocabulary#MAX_WORDS} distinct words, a hash sample beyond) and the most
 * frequent words, with which {@link #unseenWords(TextSummary)} compares two snapshots. Immutable once built.
 */
public final class TextSummary {
    /** The most distinct words a column's vocabulary keeps exactly, per split. */
    public static final int EXACT_WORDS = WordVocabulary.MAX_WORDS;

    private final NumericSummary chars;
    private final NumericSummary words;
    private final long texts;
    private final long empty;
    private final Figure vocabularySketch;
    private final FrequencyCounter frequentWords;
    private final WordVocabulary vocabulary;

    TextSummary(NumericSummary chars, NumericSummary words, long texts, long empty, Figure vocabularySketch,
                FrequencyCounter frequentWords, WordVocabulary vocabulary) {
        this.chars = chars;
        this.words = words;
        this.texts = texts;
        this.empty = empty;
        this.vocabularySketch = vocabularySketch;
        this.frequentWords = frequentWords;
        this.vocabulary = vocabulary;
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

    /** Distinct words: {@link #vocabularyFigure()}'s value. */
    public long vocabularySize() {
        return vocabularyFigure().value();
    }

    /**
     * Distinct words: exact while the vocabulary keeps every word, else the HyperLogLog estimate (about 1.6% relative
     * standard error) within its three-standard-deviation bounds.
     */
    public Figure vocabularyFigure() {
        return vocabulary.exact() ? Figure.exact(vocabulary.size()) : vocabularySketch;
    }

    /** Words in all texts (exact). */
    public long wordCount() {
        return frequentWords.total();
    }

    /** True while every word is counted exactly (by the vocabulary, or by the frequent-word counts). */
    public boolean wordCountsExact() {
        return vocabulary.exact() || frequentWords.isExact();
    }

    /**
     * The most frequent words, most frequent first: exact counts while {@link #wordCountsExact()}, else Misra-Gries
     * estimates (see {@link #frequentWordFigures(int)} for their bounds).
     */
    public List<ValueCount> frequentWords(int limit) {
        return frequentWordFigures(limit).stream().map(w -> new ValueCount(w.value(), w.count().value())).toList();
    }

    /**
     * The most frequent words with their counts as figures: exact while the vocabulary is (the words tracked by the
     * frequent-word counts, ranked by their exact counts; any other word occurs at most their error often), else a
     * Misra-Gries estimate and its error bound.
     */
    public List<CountFigure> frequentWordFigures(int limit) {
        if (!vocabulary.exact()) {
            return CountFigure.of(frequentWords.top(limit), frequentWords.maxError());
        }
        List<ValueCount> exact = new ArrayList<>();
        for (ValueCount word : frequentWords.top(Integer.MAX_VALUE)) {
            exact.add(new ValueCount(word.value(), vocabulary.count(StringHash.of(word.value()))));
        }
        exact.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return CountFigure.of(exact.subList(0, Math.min(limit, exact.size())), 0);
    }

    /** The occurrences of a word: exact while {@link #wordCountsExact()}, else an estimate (0 when not tracked). */
    public long wordCount(String word) {
        return vocabulary.exact() ? vocabulary.count(StringHash.of(word)) : frequentWords.estimate(word);
    }

    /**
     * The words of this text that the reference text never uses: their occurrences (the out-of-vocabulary count) and
     * distinct words, exact while both vocabularies keep every word, else estimated within bounds.
     */
    public UnseenWords unseenWords(TextSummary reference) {
        return UnseenWordCount.of(vocabulary, frequentWords, reference.vocabulary, reference.frequentWords);
    }
}
