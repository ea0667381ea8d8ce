package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags of one split: tags per row (exact, rows with more than {@value #MAX_PER_ROW} tags counted at that
 * value), tag counts (exact up to {@value #EXACT_TAGS} distinct tags), and the words of the inputs per tag
 * for the first {@value #WORD_TAGS} tags seen (each exact up to 1,024 distinct words, then a Misra-Gries summary of that size);
 * the background (words of all rows) comes from the input columns' text statistics. Memory: at most
 * about 10 MB. Not thread-safe.
 */
final class TagAccumulator {
    static final int MAX_PER_ROW = 64;
    static final int EXACT_TAGS = 10_000;
    static final int WORD_TAGS = 64;

    private long rows;
    private final long[] perRow;
    private final FrequencyCounter tags;
    private final Map<String, FrequencyCounter> wordsByTag;

    TagAccumulator() {
        this(new long[MAX_PER_ROW + 1], new FrequencyCounter(EXACT_TAGS), new TreeMap<>());
    }

    private TagAccumulator(long[] perRow, FrequencyCounter tags, Map<String, FrequencyCounter> wordsByTag) {
        this.perRow = perRow;
        this.tags = tags;
        this.wordsByTag = wordsByTag;
    }

    /** @param words the words of the row's inputs (may be empty) */
    void accept(List<String> rowTags, WordList words) {
        rows++;
        perRow[Math.min(MAX_PER_ROW, rowTags.size())]++;
        for (String tag : rowTags) {
            tags.update(tag);
            FrequencyCounter counter = wordsByTag.get(tag);
            if (counter == null && wordsByTag.size() < WORD_TAGS) {
                counter = newWordCounter();
                wordsByTag.put(tag, counter);
            }
            if (counter != null) {
                for (int i = 0; i < words.size(); i++) {
                    counter.update(words, i);
                }
            }
        }
    }

    private static FrequencyCounter newWordCounter() {
        return new FrequencyCounter(1024);
    }

    void merge(TagAccumulator other) {
        rows += other.rows;
        for (int i = 0; i < perRow.length; i++) {
            perRow[i] += other.perRow[i];
        }
        tags.merge(other.tags);
        other.wordsByTag.forEach((tag, counter) -> {
            FrequencyCounter mine = wordsByTag.get(tag);
            if (mine == null && wordsByTag.size() < WORD_TAGS) {
                mine = newWordCounter();
                wordsByTag.put(tag, mine);
            }
            if (mine != null) {
                mine.merge(counter);
            }
        });
    }

    /** @param background the words of the inputs of every row of the split */
    TagSummary summary(String column, TagSettings settings, FrequencyCounter background) {
        Map<Integer, Long> perRowCounts = new TreeMap<>();
        for (int i = 0; i < perRow.length; i++) {
            if (perRow[i] > 0) {
                perRowCounts.put(i, perRow[i]);
            }
        }
        return new TagSummary(column, rows, perRowCounts, tags, settings, wordsByTag, background);
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(rows);
        for (long c : perRow) {
            out.writeLong(c);
        }
        tags.write(out);
        out.writeInt(wordsByTag.size());
        for (var e : wordsByTag.entrySet()) {
            Codec.writeString(out, e.getKey());
            e.getValue().write(out);
        }
    }

    static TagAccumulator read(DataInput in) throws IOException {
        long rows = in.readLong();
        long[] perRow = new long[MAX_PER_ROW + 1];
        for (int i = 0; i < perRow.length; i++) {
            perRow[i] = in.readLong();
        }
        FrequencyCounter tags = FrequencyCounter.read(in);
        Map<String, FrequencyCounter> wordsByTag = new TreeMap<>();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            wordsByTag.put(Codec.readString(in), FrequencyCounter.read(in));
        }
        var accumulator = new TagAccumulator(perRow, tags, wordsByTag);
        accumulator.rows = rows;
        return accumulator;
    }
}
