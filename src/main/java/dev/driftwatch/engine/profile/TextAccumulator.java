package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Text statistics of one column of one split: lengths in characters and words, empty texts, every word with its
 * occurrences ({@link WordVocabulary}: exact up to {@value WordVocabulary#MAX_WORDS} distinct words, a coordinated
 * sample beyond), the vocabulary size beyond that bound (HyperLogLog over the words' 64-bit hashes) and the most
 * frequent words (exact up to {@value #WORD_CAPACITY} distinct words, then a Misra-Gries summary of that size).
 * Not thread-safe.
 */
final class TextAccumulator {
    static final int WORD_CAPACITY = 6144;

    private final NumberStream chars;
    private final NumberStream words;
    private long texts;
    private long empty;
    private final DistinctCounter vocabulary;
    private final WordCounts frequentWords;
    private final WordVocabulary allWords;

    TextAccumulator(WordIds ids) {
        this(new NumberStream(), new NumberStream(), new DistinctCounter(0), new FrequencyCounter(WORD_CAPACITY),
                new WordVocabulary(), ids);
    }

    private TextAccumulator(NumberStream chars, NumberStream words, DistinctCounter vocabulary, FrequencyCounter frequentWords,
                            WordVocabulary allWords, WordIds ids) {
        this.chars = chars;
        this.words = words;
        this.vocabulary = vocabulary;
        this.allWords = allWords;
        this.frequentWords = new WordCounts(ids, frequentWords, vocabulary, allWords);
    }

    void acceptEmpty() {
        texts++;
        empty++;
        chars.add(0);
        words.add(0);
    }

    /** Adds a present text; its words, with their ids, are left in {@code tokens}. */
    void accept(String text, WordList tokens, WordIds ids) {
        Words.into(text, tokens);
        texts++;
        chars.add(text.length());
        words.add(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            ids.resolve(tokens, i);
            frequentWords.add(tokens, i);
        }
    }

    void merge(TextAccumulator other) {
        chars.merge(other.chars);
        words.merge(other.words);
        texts += other.texts;
        empty += other.empty;
        FrequencyCounter mine = frequentWords();
        FrequencyCounter theirs = other.frequentWords();
        vocabulary.merge(other.vocabulary);
        mine.merge(theirs);
        allWords.merge(other.allWords);
    }

    FrequencyCounter frequentWords() {
        return frequentWords.counter();
    }

    /** Every word with its occurrences, up to date. */
    WordVocabulary allWords() {
        frequentWords();
        return allWords;
    }

    /** Replaces the words with those stored in a profile's section of exact figures ({@link ProfileCodec}). */
    void attach(WordVocabulary stored) {
        if (stored.total() != allWords().total()) {
            throw new IllegalArgumentException("expected a vocabulary of " + allWords.total() + " words but found "
                    + stored.total());
        }
        allWords.replaceWith(stored);
    }

    TextSummary summary() {
        FrequencyCounter counter = frequentWords();
        return new TextSummary(chars.summary(), words.summary(), texts, empty, vocabulary.figure(), counter, allWords);
    }

    void write(DataOutput out) throws IOException {
        FrequencyCounter counter = frequentWords();
        chars.write(out);
        words.write(out);
        out.writeLong(texts);
        out.writeLong(empty);
        vocabulary.write(out);
        counter.write(out);
    }

    /** The statistics as profiles up to format 2 kept them: the words are those of the word counts, until {@link #attach}. */
    static TextAccumulator read(DataInput in, WordIds ids) throws IOException {
        NumberStream chars = NumberStream.read(in);
        NumberStream words = NumberStream.read(in);
        long texts = in.readLong();
        long empty = in.readLong();
        DistinctCounter vocabulary = DistinctCounter.read(in);
        FrequencyCounter counter = FrequencyCounter.read(in);
        var text = new TextAccumulator(chars, words, vocabulary, counter, WordVocabulary.ofCounter(counter), ids);
        text.texts = texts;
        text.empty = empty;
        return text;
    }
}
