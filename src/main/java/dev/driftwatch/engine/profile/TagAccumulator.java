package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Row;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags of one split: tags per row (exact, rows with more than {@value #MAX_PER_ROW} tags counted at that
 * value), tag counts (exact up to {@value #EXACT_TAGS} distinct tags), and the words of the inputs per tag
 * for the first {@value #WORD_TAGS} tags seen (each exact up to {@value #WORDS_PER_TAG} distinct words, then a
 * Misra-Gries summary of that size, counted through the lane's {@link WordIds});
 * the background (words of all rows) comes from the input columns' text statistics. Memory: at most
 * about 10 MB. Not thread-safe.
 */
final class TagAccumulator {
    static final int MAX_PER_ROW = 64;
    static final int EXACT_TAGS = 10_000;
    static final int WORD_TAGS = 64;
    static final int WORDS_PER_TAG = 1024;

    private long rows;
    private final long[] perRow;
    private final FrequencyCounter tags;
    private final WordIds ids;
    private final Map<String, WordCounts> wordsByTag = new HashMap<>();
    /** The word counts of wordsByTag again, by {@link StringHash} of the tag (open addressing, 0 for empty). */
    private final long[] tagHashes = new long[2 * WORD_TAGS];
    private final WordCounts[] tagCounts = new WordCounts[2 * WORD_TAGS];

    /** @param ids the word ids of the lane */
    TagAccumulator(WordIds ids) {
        this(new long[MAX_PER_ROW + 1], new FrequencyCounter(EXACT_TAGS), ids);
    }

    private TagAccumulator(long[] perRow, FrequencyCounter tags, WordIds ids) {
        this.perRow = perRow;
        this.tags = tags;
        this.ids = ids;
    }

    /**
     * Adds the tags of a row: the value of its tag column, a list of tags or a single tag (see {@link Row#labels}).
     *
     * @param inputs the words of the row's inputs, with their ids
     */
    void accept(Row row, int column, List<WordList> inputs) {
        rows++;
        if (row.get(column) instanceof String tag && !tag.isBlank()) {
            perRow[1]++;
            count(tag, inputs);
            return;
        }
        List<String> rowTags = row.labels(column);
        perRow[Math.min(MAX_PER_ROW, rowTags.size())]++;
        for (String tag : rowTags) {
            count(tag, inputs);
        }
    }

    private void count(String tag, List<WordList> inputs) {
        long hash = StringHash.of(tag);
        tags.update(tag, hash, 1);
        WordCounts counts = wordCounts(tag, hash);
        if (counts == null) {
            return;
        }
        for (WordList words : inputs) {
            for (int i = 0; i < words.size(); i++) {
                counts.add(words, i);
            }
        }
    }

    /** The word counts of a tag, created for the first {@value #WORD_TAGS} tags; null beyond. */
    private WordCounts wordCounts(String tag, long hash) {
        int slot = slotOf(hash);
        if (tagCounts[slot] != null) {
            return tagCounts[slot];
        }
        return wordsByTag.size() == WORD_TAGS ? null : add(tag, hash, slot, new FrequencyCounter(WORDS_PER_TAG));
    }

    /** The slot of a tag's hash in tagHashes, or the empty slot where it would go. */
    private int slotOf(long hash) {
        int mask = tagHashes.length - 1;
        int slot = (int) hash & mask;
        while (tagHashes[slot] != 0 && tagHashes[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private WordCounts add(String tag, long hash, int slot, FrequencyCounter counter) {
        var counts = new WordCounts(ids, counter, null);
        wordsByTag.put(tag, counts);
        tagHashes[slot] = hash;
        tagCounts[slot] = counts;
        return counts;
    }

    void merge(TagAccumulator other) {
        rows += other.rows;
        for (int i = 0; i < perRow.length; i++) {
            perRow[i] += other.perRow[i];
        }
        tags.merge(other.tags);
        other.wordCounters().forEach((tag, counter) -> {
            WordCounts mine = wordCounts(tag, StringHash.of(tag));
            if (mine != null) {
                mine.counter().merge(counter);
            }
        });
    }

    /** The word counters by tag, in tag order. */
    Map<String, FrequencyCounter> wordCounters() {
        Map<String, FrequencyCounter> counters = new TreeMap<>();
        wordsByTag.forEach((tag, counts) -> counters.put(tag, counts.counter()));
        return counters;
    }

    /** @param background the words of the inputs of every row of the split */
    TagSummary summary(String column, TagSettings settings, FrequencyCounter background) {
        Map<Integer, Long> perRowCounts = new TreeMap<>();
        for (int i = 0; i < perRow.length; i++) {
            if (perRow[i] > 0) {
                perRowCounts.put(i, perRow[i]);
            }
        }
        return new TagSummary(column, rows, perRowCounts, tags, settings, wordCounters(), background);
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(rows);
        for (long c : perRow) {
            out.writeLong(c);
        }
        tags.write(out);
        Map<String, FrequencyCounter> counters = wordCounters();
        out.writeInt(counters.size());
        for (var e : counters.entrySet()) {
            Codec.writeString(out, e.getKey());
            e.getValue().write(out);
        }
    }

    static TagAccumulator read(DataInput in, WordIds ids) throws IOException {
        long rows = in.readLong();
        long[] perRow = new long[MAX_PER_ROW + 1];
        for (int i = 0; i < perRow.length; i++) {
            perRow[i] = in.readLong();
        }
        var accumulator = new TagAccumulator(perRow, FrequencyCounter.read(in), ids);
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            String tag = Codec.readString(in);
            long hash = StringHash.of(tag);
            accumulator.add(tag, hash, accumulator.slotOf(hash), FrequencyCounter.read(in));
        }
        accumulator.rows = rows;
        return accumulator;
    }
}
