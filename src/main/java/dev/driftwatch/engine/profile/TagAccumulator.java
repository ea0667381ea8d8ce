package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Row;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags of one split: distinct tags per row (exact, rows with more than {@value #MAX_PER_ROW} tags counted at that
 * value), rows per tag (a tag repeated in a row counts once; exact up to {@value #EXACT_TAGS} distinct tags), and,
 * unless the run leaves them out, the words of the inputs per tag for the most frequent tags ({@link TagWords}); the
 * background (words of all rows) comes from the input columns' text statistics. Memory: at most about 10 MB.
 * Not thread-safe.
 */
final class TagAccumulator {
    static final int MAX_PER_ROW = 64;
    static final int EXACT_TAGS = 10_000;

    private long rows;
    private final long[] perRow;
    private final FrequencyCounter tags;
    /** Null when the run leaves the words of each tag out. */
    private TagWords words;

    /**
     * @param ids   the word ids of the lane
     * @param words whether to count the words of each tag ({@link ProfileRequest.EdaOnly#TAG_WORDS})
     */
    TagAccumulator(WordIds ids, boolean words) {
        this(new long[MAX_PER_ROW + 1], new FrequencyCounter(EXACT_TAGS), ids, words);
    }

    private TagAccumulator(long[] perRow, FrequencyCounter tags, WordIds ids, boolean words) {
        this(perRow, tags, words ? new TagWords(ids, tags) : null);
    }

    private TagAccumulator(long[] perRow, FrequencyCounter tags, TagWords words) {
        this.perRow = perRow;
        this.tags = tags;
        this.words = words;
    }

    /**
     * Adds the tags of a row: the value of its tag column, a list of tags or a single tag ({@link Row#labels}; a single
     * tag is taken without building a list).
     *
     * @param inputs the words of the row's inputs, with their ids
     */
    void accept(Row row, int column, List<WordList> inputs) {
        rows++;
        String single = row.singleLabel(column);
        if (single != null) {
            perRow[1]++;
            count(single, inputs);
            return;
        }
        List<String> rowTags = distinct(row.labels(column));
        perRow[Math.min(MAX_PER_ROW, rowTags.size())]++;
        for (String tag : rowTags) {
            count(tag, inputs);
        }
    }

    /** A tag repeated in one row is carried by that row once. */
    private static List<String> distinct(List<String> tags) {
        int n = tags.size();
        if (n > 16) {
            return new java.util.ArrayList<>(new java.util.LinkedHashSet<>(tags));
        }
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (tags.get(i).equals(tags.get(j))) {
                    return new java.util.ArrayList<>(new java.util.LinkedHashSet<>(tags));
                }
            }
        }
        return tags;
    }

    private void count(String tag, List<WordList> inputs) {
        long hash = StringHash.of(tag);
        tags.update(tag, hash, 1);
        if (words == null) {
            return;
        }
        WordCounts counts = words.of(tag, hash);
        if (counts == null) {
            return;
        }
        for (WordList input : inputs) {
            for (int i = 0; i < input.size(); i++) {
                counts.add(input, i);
            }
        }
    }

    void merge(TagAccumulator other) {
        rows += other.rows;
        for (int i = 0; i < perRow.length; i++) {
            perRow[i] += other.perRow[i];
        }
        tags.merge(other.tags);
        if (words != null && other.words != null) {
            words.merge(other.words);
        } else {
            words = null;
        }
    }

    /** The word counters by tag, in tag order; null when the run left them out. */
    Map<String, FrequencyCounter> wordCounters() {
        return words == null ? null : words.counters();
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
        if (words == null) {
            throw new IllegalStateException("expected the words of each tag to be counted before the profile is stored,"
                    + " but this run left them out");
        }
        out.writeLong(rows);
        for (long c : perRow) {
            out.writeLong(c);
        }
        tags.write(out);
        words.write(out);
    }

    static TagAccumulator read(DataInput in, WordIds ids) throws IOException {
        long rows = in.readLong();
        long[] perRow = new long[MAX_PER_ROW + 1];
        for (int i = 0; i < perRow.length; i++) {
            perRow[i] = in.readLong();
        }
        FrequencyCounter tags = FrequencyCounter.read(in);
        var accumulator = new TagAccumulator(perRow, tags, TagWords.read(in, ids, tags));
        accumulator.rows = rows;
        return accumulator;
    }
}
