package dev.driftwatch.engine.profile;

import com.carrotsearch.hppc.LongLongHashMap;
import com.carrotsearch.hppc.cursors.LongLongCursor;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The distinct words of a text column in one split, each with its occurrences, by the {@link StringHash} of the
 * lower-cased word (two words share a hash with probability about n² / 2^65: 2e-8 for a million words, which this
 * treats as exact). Exact up to {@value #MAX_WORDS} distinct words; beyond, a coordinated sample: only the words whose
 * hash starts with {@code shift} zero bits are kept (1 in 2^shift of the distinct words, each still with its exact
 * count), and the shift grows by one whenever the kept words would exceed the bound. Two vocabularies sampled so
 * keep the same words, so whether a kept word occurs in the other is known exactly (see {@link UnseenWords}).
 *
 * <p>The kept words are the words of the smallest shift that keeps at most {@value #MAX_WORDS}, whatever the order of
 * updates and merges: {@code merge} is exact. Memory: an HPPC table of 64-bit hashes and counts, at most 2^20 slots
 * (16 MiB) at the bound, since {@value #MAX_WORDS} is three quarters of 2^20, the table's load limit.
 *
 * <p>A vocabulary read from a profile stored before vocabularies were kept (format 2 or older) is complete only when
 * that profile's word counts were exact; otherwise it is {@linkplain #complete() incomplete}: it knows its total
 * only, and so does every merge with it. Not thread-safe.
 */
final class WordVocabulary {
    static final int MAX_WORDS = 786_432;

    private final int maxWords;
    private LongLongHashMap counts = new LongLongHashMap();
    private int shift;
    private long total;
    private boolean complete = true;

    WordVocabulary() {
        this(MAX_WORDS);
    }

    /** @param maxWords the most distinct words kept before sampling (a smaller bound for tests) */
    WordVocabulary(int maxWords) {
        if (maxWords < 1) {
            throw new IllegalArgumentException("expected a bound of at least 1 word but found " + maxWords);
        }
        this.maxWords = maxWords;
    }

    /** A vocabulary from the word counts of an older profile: complete only when those counts are exact. */
    static WordVocabulary ofCounter(FrequencyCounter counter) {
        var vocabulary = new WordVocabulary();
        if (counter.isExact()) {
            for (ValueCount word : counter.top(Integer.MAX_VALUE)) {
                vocabulary.add(StringHash.of(word.value()), word.count());
            }
        } else {
            vocabulary.forget();
        }
        vocabulary.total = counter.total();
        return vocabulary;
    }

    /** Adds {@code count} occurrences of the word with this {@link StringHash}. */
    void add(long hash, long count) {
        total += count;
        if (complete && kept(hash, shift)) {
            put(hash, count);
        }
    }

    private void put(long hash, long count) {
        int index = counts.indexOf(hash);
        if (counts.indexExists(index)) {
            counts.indexReplace(index, counts.indexGet(index) + count);
            return;
        }
        if (counts.size() < maxWords) {
            counts.indexInsert(index, hash, count);
            return;
        }
        while (counts.size() >= maxWords) {
            sampleFewer(shift + 1);
        }
        if (kept(hash, shift)) {
            counts.put(hash, count);
        }
    }

    /** Keeps only the words of a larger shift. */
    private void sampleFewer(int newShift) {
        shift = newShift;
        counts.removeAll((long hash) -> !kept(hash, newShift));
    }

    static boolean kept(long hash, int shift) {
        return shift == 0 || hash >>> (64 - shift) == 0;
    }

    void merge(WordVocabulary other) {
        total += other.total;
        if (!other.complete) {
            forget();
        }
        if (!complete) {
            return;
        }
        if (other.shift > shift) {
            sampleFewer(other.shift);
        }
        for (LongLongCursor word : other.counts) {
            if (kept(word.key, shift)) {
                put(word.key, word.value);
            }
        }
    }

    /** Takes the state of another vocabulary (which is left as it is). */
    void replaceWith(WordVocabulary other) {
        counts = other.counts.clone();
        shift = other.shift;
        total = other.total;
        complete = other.complete;
    }

    /** Becomes incomplete: only the total is known from now on. */
    private void forget() {
        complete = false;
        counts = new LongLongHashMap();
    }

    boolean complete() {
        return complete;
    }

    /** True when every distinct word is kept with its count. */
    boolean exact() {
        return complete && shift == 0;
    }

    /** 1 in 2^shift of the distinct words are kept (0: all of them). */
    int shift() {
        return shift;
    }

    /** Occurrences of all words, kept or not. */
    long total() {
        return total;
    }

    /** Kept distinct words. */
    int size() {
        return counts.size();
    }

    /** Occurrences of a kept word; 0 when it did not occur or is not kept. */
    long count(long hash) {
        return counts.getOrDefault(hash, 0);
    }

    boolean contains(long hash) {
        return counts.containsKey(hash);
    }

    Iterable<LongLongCursor> words() {
        return counts;
    }

    /** Sorted hashes as deltas, then the counts, as variable-length numbers: the same words give the same bytes. */
    void write(DataOutput out) throws IOException {
        out.writeBoolean(complete);
        out.writeLong(total);
        out.writeInt(shift);
        long[] hashes = counts.keys().toArray();
        Arrays.sort(hashes);
        Codec.writeSortedHashes(out, hashes);
        for (long hash : hashes) {
            Codec.writeVarLong(out, counts.get(hash));
        }
    }

    static WordVocabulary read(DataInput in) throws IOException {
        var vocabulary = new WordVocabulary();
        boolean complete = in.readBoolean();
        vocabulary.total = in.readLong();
        vocabulary.shift = in.readInt();
        long[] hashes = Codec.readSortedHashes(in, MAX_WORDS);
        if (!complete && hashes.length > 0 || vocabulary.shift < 0 || vocabulary.shift > 63) {
            throw new IOException("expected a complete vocabulary of shift 0 to 63 but found " + hashes.length
                    + " words, shift " + vocabulary.shift + (complete ? "" : ", incomplete"));
        }
        vocabulary.counts = new LongLongHashMap(hashes.length);
        for (long hash : hashes) {
            vocabulary.counts.put(hash, Codec.readVarLong(in));
        }
        vocabulary.complete = complete;
        return vocabulary;
    }
}
