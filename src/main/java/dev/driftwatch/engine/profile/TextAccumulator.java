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
    private final FrequencyCounter frequentWords;

    TextAccumulator() {
        this(new NumberStream(), new NumberStream(), new DistinctCounter(), new FrequencyCounter(WORD_CAPACITY));
    }

    private TextAccumulator(NumberStream chars, NumberStream words, DistinctCounter vocabulary, FrequencyCounter frequentWords) {
        this.chars = chars;
        this.words = words;
        this.vocabulary = vocabulary;
        this.frequentWords = frequentWords;
    }

    void acceptEmpty() {
        texts++;
        empty++;
        chars.add(0);
        words.add(0);
    }

    /** Adds a present text; its words are left in {@code tokens} (cleared first). */
    void accept(String text, WordList tokens) {
        tokens.clear();
        Words.into(text, tokens);
        texts++;
        chars.add(text.length());
        words.add(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            // A tracked word went into the vocabulary sketch when it was first counted, and a repeated
            // update leaves a HyperLogLog sketch byte for byte as it was: only new words go in.
            if (frequentWords.update(tokens, i)) {
                vocabulary.updateHash(tokens.hash(i));
            }
        }
    }

    void merge(TextAccumulator other) {
        chars.merge(other.chars);
        words.merge(other.words);
        texts += other.texts;
        empty += other.empty;
        vocabulary.merge(other.vocabulary);
        frequentWords.merge(other.frequentWords);
    }

    FrequencyCounter frequentWords() {
        return frequentWords;
    }

    TextSummary summary() {
        return new TextSummary(chars.summary(), words.summary(), texts, empty, vocabulary.estimate(),
                frequentWords);
    }

    void write(DataOutput out) throws IOException {
        chars.write(out);
        words.write(out);
        out.writeLong(texts);
        out.writeLong(empty);
        vocabulary.write(out);
        frequentWords.write(out);
    }

    static TextAccumulator read(DataInput in) throws IOException {
        NumberStream chars = NumberStream.read(in);
        NumberStream words = NumberStream.read(in);
        long texts = in.readLong();
        long empty = in.readLong();
        var text = new TextAccumulator(chars, words, DistinctCounter.read(in), FrequencyCounter.read(in));
        text.texts = texts;
        text.empty = empty;
        return text;
    }
}
