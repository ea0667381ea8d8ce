package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

/**
 * Text statistics of one column of one split: lengths in characters and words, empty texts, vocabulary
 * size (HyperLogLog, lgK {@value #HLL_LG_K}, over the words' 32-bit hash codes) and the most frequent words (exact up to {@value #EXACT_WORDS}
 * words, then a frequent-items sketch of map size {@value #SKETCH_MAP}). Not thread-safe.
 */
final class TextAccumulator {
    static final int HLL_LG_K = 12;
    static final int EXACT_WORDS = 4096;
    static final int SKETCH_MAP = 8192;

    private final NumberStream chars;
    private final NumberStream words;
    private long texts;
    private long empty;
    private HllSketch vocabulary;
    private final FrequencyCounter frequentWords;

    TextAccumulator() {
        this(new NumberStream(), new NumberStream(), new HllSketch(HLL_LG_K), new FrequencyCounter(EXACT_WORDS, SKETCH_MAP));
    }

    private TextAccumulator(NumberStream chars, NumberStream words, HllSketch vocabulary, FrequencyCounter frequentWords) {
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

    /** Adds a present text and returns its words. */
    List<String> accept(String text) {
        List<String> tokens = Words.of(text);
        texts++;
        chars.add(text.length());
        words.add(tokens.size());
        for (String token : tokens) {
            vocabulary.update(token.hashCode());
            frequentWords.update(token);
        }
        return tokens;
    }

    void merge(TextAccumulator other) {
        chars.merge(other.chars);
        words.merge(other.words);
        texts += other.texts;
        empty += other.empty;
        Union union = new Union(HLL_LG_K);
        union.update(vocabulary);
        union.update(other.vocabulary);
        vocabulary = union.getResult();
        frequentWords.merge(other.frequentWords);
    }

    FrequencyCounter frequentWords() {
        return frequentWords;
    }

    TextSummary summary() {
        return new TextSummary(chars.summary(), words.summary(), texts, empty, Math.round(vocabulary.getEstimate()),
                frequentWords);
    }

    void write(DataOutput out) throws IOException {
        chars.write(out);
        words.write(out);
        out.writeLong(texts);
        out.writeLong(empty);
        Codec.writeBytes(out, vocabulary.toCompactByteArray());
        frequentWords.write(out);
    }

    static TextAccumulator read(DataInput in) throws IOException {
        NumberStream chars = NumberStream.read(in);
        NumberStream words = NumberStream.read(in);
        long texts = in.readLong();
        long empty = in.readLong();
        var text = new TextAccumulator(chars, words, HllSketch.heapify(Codec.readBytes(in)), FrequencyCounter.read(in));
        text.texts = texts;
        text.empty = empty;
        return text;
    }
}
