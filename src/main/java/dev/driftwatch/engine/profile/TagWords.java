package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The words of the inputs in the rows of each tag, for at most {@value #CAPACITY} tags at a time. Tags are taken
 * in as they come while there is room; then a tag takes the place of the tracked tag with the fewest rows once it
 * has more than {@value #REPLACE_FACTOR} times as many rows. So the tracked tags become the most frequent ones (a
 * frequent tag is met, and taken in, early), and tags of similar counts do not keep replacing each other. A tag's
 * words are counted from the row that has it taken in. Each tag's words are exact up to {@value #WORDS_PER_TAG}
 * distinct words, then a Misra-Gries summary of that size, counted through the lane's {@link WordIds}. Not
 * thread-safe.
 */
final class TagWords {
    static final int CAPACITY = 64;
    static final int WORDS_PER_TAG = 1024;
    private static final int REPLACE_FACTOR = 2;

    private final WordIds ids;
    private final String[] names = new String[CAPACITY];
    private final long[] hashes = new long[CAPACITY];
    /** Rows with each tracked tag, as its tag count says. */
    private final long[] rows = new long[CAPACITY];
    private final WordCounts[] words = new WordCounts[CAPACITY];
    private int size;
    /** At most the fewest rows of a tracked tag (a bound kept to avoid a scan per row of an untracked tag). */
    private long fewestRows;
    /** Open addressing over the tracked tags' hashes (0: empty), with each one's slot. */
    private final long[] indexHashes = new long[2 * CAPACITY];
    private final int[] indexSlots = new int[2 * CAPACITY];

    TagWords(WordIds ids) {
        this.ids = ids;
    }

    /** The word counts of a tracked tag met in one more row; null when the tag is not tracked. */
    WordCounts rowOfTracked(long hash) {
        int slot = slotOf(hash);
        if (slot < 0) {
            return null;
        }
        rows[slot]++;
        return words[slot];
    }

    /**
     * Tracks a tag if there is room or it has more rows enough; returns its word counts, or null.
     *
     * @param rowsWithTag the rows with the tag so far
     */
    WordCounts admit(String tag, long hash, long rowsWithTag) {
        return admit(tag, hash, rowsWithTag, new FrequencyCounter(WORDS_PER_TAG));
    }

    private int slotOf(long hash) {
        int mask = indexHashes.length - 1;
        for (int i = (int) hash & mask; indexHashes[i] != 0; i = (i + 1) & mask) {
            if (indexHashes[i] == hash) {
                return indexSlots[i];
            }
        }
        return -1;
    }

    /** Tracks a tag with these counts, if there is room or it has more rows enough; null otherwise. */
    private WordCounts admit(String tag, long hash, long rowsWithTag, FrequencyCounter counter) {
        int slot;
        if (size < CAPACITY) {
            slot = size++;
        } else {
            if (rowsWithTag <= REPLACE_FACTOR * fewestRows) {
                return null;
            }
            slot = fewest();
            fewestRows = rows[slot];
            if (rowsWithTag <= REPLACE_FACTOR * fewestRows) {
                return null;
            }
        }
        names[slot] = tag;
        hashes[slot] = hash;
        rows[slot] = rowsWithTag;
        words[slot] = new WordCounts(ids, counter, null);
        reindex();
        return words[slot];
    }

    private int fewest() {
        int fewest = 0;
        for (int i = 1; i < size; i++) {
            if (rows[i] < rows[fewest]) {
                fewest = i;
            }
        }
        return fewest;
    }

    private void reindex() {
        java.util.Arrays.fill(indexHashes, 0);
        int mask = indexHashes.length - 1;
        for (int slot = 0; slot < size; slot++) {
            int i = (int) hashes[slot] & mask;
            while (indexHashes[i] != 0) {
                i = (i + 1) & mask;
            }
            indexHashes[i] = hashes[slot];
            indexSlots[i] = slot;
        }
    }

    /**
     * Adds the tracked tags of another split's part, the most frequent first; a tag tracked on one side only is
     * tracked here if it gets in, with only that side's words.
     *
     * @param tags the merged tag counts of both parts
     */
    void merge(TagWords other, FrequencyCounter tags) {
        for (int slot = 0; slot < size; slot++) {
            rows[slot] = tags.estimate(hashes[slot]);
        }
        fewestRows = 0;
        int[] order = IntStream.range(0, other.size).boxed()
                .sorted(Comparator.<Integer>comparingLong(s -> -other.rows[s]).thenComparing(s -> other.names[s]))
                .mapToInt(Integer::intValue).toArray();
        for (int theirs : order) {
            FrequencyCounter counter = other.words[theirs].counter();
            int mine = slotOf(other.hashes[theirs]);
            WordCounts counts = mine >= 0 ? words[mine]
                    : admit(other.names[theirs], other.hashes[theirs], tags.estimate(other.hashes[theirs]));
            if (counts != null) {
                counts.counter().merge(counter);
            }
        }
    }

    /** The word counters by tag, in tag order. */
    Map<String, FrequencyCounter> counters() {
        Map<String, FrequencyCounter> counters = new TreeMap<>();
        for (int slot = 0; slot < size; slot++) {
            counters.put(names[slot], words[slot].counter());
        }
        return counters;
    }

    void write(DataOutput out) throws IOException {
        Map<String, FrequencyCounter> counters = counters();
        out.writeInt(counters.size());
        for (var e : counters.entrySet()) {
            Codec.writeString(out, e.getKey());
            e.getValue().write(out);
        }
    }

    /** @param tags the tag counts of the same split */
    static TagWords read(DataInput in, WordIds ids, FrequencyCounter tags) throws IOException {
        var tagWords = new TagWords(ids);
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            String tag = Codec.readString(in);
            long hash = StringHash.of(tag);
            tagWords.admit(tag, hash, tags.estimate(hash), FrequencyCounter.read(in));
        }
        return tagWords;
    }
}
