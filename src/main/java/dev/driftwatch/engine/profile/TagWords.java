package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
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
    /** The rows of every tag (of this split and lane), which decide which tags are tracked. */
    private final FrequencyCounter tags;
    private final String[] names = new String[CAPACITY];
    private final long[] hashes = new long[CAPACITY];
    private final WordCounts[] words = new WordCounts[CAPACITY];
    private int size;
    /** At most the fewest rows of a tracked tag (a bound that saves a scan per row of an untracked tag). */
    private long fewestRows;
    /** Open addressing over the tracked tags' hashes (0: empty), with each one's slot. */
    private final long[] indexHashes = new long[2 * CAPACITY];
    private final int[] indexSlots = new int[2 * CAPACITY];

    /** @param tags the tag counts of the same split and lane, kept up to date by the caller */
    TagWords(WordIds ids, FrequencyCounter tags) {
        this.ids = ids;
        this.tags = tags;
    }

    /**
     * The word counts of a tag just counted in {@code tags}: tracked already, or taken in now because there is
     * room or it has rows enough; null otherwise.
     */
    WordCounts of(String tag, long hash) {
        int slot = slotOf(hash);
        return slot >= 0 ? words[slot] : admit(tag, hash, TagWords::newCounter);
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

    /**
     * Tracks a tag with the word counts given, if there is room or it has rows enough; null otherwise (most rows of an
     * untracked tag: the counts, {@value #WORDS_PER_TAG} words wide, are made only for a tag taken in).
     */
    private WordCounts admit(String tag, long hash, Supplier<FrequencyCounter> counter) {
        int slot;
        if (size < CAPACITY) {
            slot = size++;
        } else {
            long rows = tags.estimate(hash);
            if (rows <= REPLACE_FACTOR * fewestRows) {
                return null;
            }
            slot = fewest();
            fewestRows = tags.estimate(hashes[slot]);
            if (rows <= REPLACE_FACTOR * fewestRows) {
                return null;
            }
        }
        names[slot] = tag;
        hashes[slot] = hash;
        words[slot] = new WordCounts(ids, counter.get());
        reindex();
        return words[slot];
    }

    /** The slot of the tracked tag with the fewest rows (the first of them). */
    private int fewest() {
        int fewest = 0;
        long fewestCount = tags.estimate(hashes[0]);
        for (int slot = 1; slot < size; slot++) {
            long count = tags.estimate(hashes[slot]);
            if (count < fewestCount) {
                fewest = slot;
                fewestCount = count;
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
     * Adds the tracked tags of another part of the split, the most frequent first; a tag tracked on one side only
     * is tracked here if it gets in, with only that side's words. Call it once {@code tags} holds both parts' counts.
     */
    void merge(TagWords other) {
        fewestRows = 0;
        int[] order = IntStream.range(0, other.size).boxed()
                .sorted(Comparator.<Integer>comparingLong(s -> -tags.estimate(other.hashes[s])).thenComparing(s -> other.names[s]))
                .mapToInt(Integer::intValue).toArray();
        for (int theirs : order) {
            FrequencyCounter counter = other.words[theirs].counter();
            int mine = slotOf(other.hashes[theirs]);
            WordCounts counts = mine >= 0 ? words[mine]
                    : admit(other.names[theirs], other.hashes[theirs], TagWords::newCounter);
            if (counts != null) {
                counts.counter().merge(counter);
            }
        }
    }

    private static FrequencyCounter newCounter() {
        return new FrequencyCounter(WORDS_PER_TAG);
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
        var tagWords = new TagWords(ids, tags);
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            String tag = Codec.readString(in);
            FrequencyCounter counter = FrequencyCounter.read(in);
            tagWords.admit(tag, StringHash.of(tag), () -> counter);
        }
        return tagWords;
    }
}
