package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Text statistics of one column of one split: lengths in characters and words, empty texts, vocabulary
 * size (HyperLogLog over the words' 64-bit hashes) and the most frequent words (exact up to
 * {@value #WORD_CAPACITY} distinct words, then a Misra-Gries summary of that size). Not thread-safe.
 */
final class TextAccumulator {
    static final int WORD_CAPACITY = 6144;

    private final NumberStream chars;
    private final NumberStream words;
    private long texts;
    private long empty;
    private final DistinctCounter vocabulary;
    private final WordCounts frequentWords;

    TextAccumulator(WordIds ids) {
        this(new NumberStream(), new NumberStream(), new DistinctCounter(), new FrequencyCounter(WORD_CAPACITY), ids);
    }

    private TextAccumulator(NumberStream chars, NumberStream words, DistinctCounter vocabulary, FrequencyCounter frequentWords,
                            WordIds ids) {
        this.chars = chars;
        this.words = words;
        this.vocabulary = vocabulary;
        this.frequentWords = new WordCounts(ids, frequentWords, vocabulary);
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
    }

    FrequencyCounter frequentWords() {
        return frequentWords.counter();
    }

    TextSummary summary() {
        FrequencyCounter counter = frequentWords();
        return new TextSummary(chars.summary(), words.summary(), texts, empty, vocabulary.estimate(), counter);
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

    static TextAccumulator read(DataInput in, WordIds ids) throws IOException {
        NumberStream chars = NumberStream.read(in);
        NumberStream words = NumberStream.read(in);
        long texts = in.readLong();
        long empty = in.readLong();
        var text = new TextAccumulator(chars, words, DistinctCounter.read(in), FrequencyCounter.read(in), ids);
        text.texts = texts;
        text.empty = empty;
        return text;
    }
}
