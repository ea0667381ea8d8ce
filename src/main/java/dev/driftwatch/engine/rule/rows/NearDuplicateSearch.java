package dev.driftwatch.engine.rule.rows;

import com.carrotsearch.hppc.LongArrayList;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Finds pairs of an earlier split's row and a later split's row whose texts have a Jaccard similarity of
 * shingle sets at least the threshold: LSH candidates (rows that share a band key), each verified by
 * re-shingling both texts and computing their exact similarity. A pair whose texts have equal hashes (the normalised
 * inputs' fingerprint: equal fingerprints are equal rows throughout Driftwatch) is the same text, of similarity 1,
 * without reading it.
 *
 * <p>One band at a time, streaming the keys from the spills: a bit per later key in a table of 16 bits
 * per later row keeps the earlier rows whose key may be a later one (all that share it, and about one in
 * 16 others); those, packed with their row number into one {@code long} (the key's high bits, the row in
 * the low bits) and sorted, filter the later rows the same way; the two short sorted lists are merged and
 * rows with equal keys are the band's candidates. Candidates are verified in the earlier split's row order, up
 * to a million at a time, so that the earlier texts are read in the order they lie on disk. Heap while searching
 * one band: about 2 bytes per later row and 1 per earlier row (8 bytes per kept row), whatever the number of
 * bands, and up to 24 MB for the candidates and their verification. Several later splits share each pass over the
 * earlier one. Not thread-safe: one per thread.
 */
final class NearDuplicateSearch {
    /** Candidate pairs verified together at most (8 MB, and 16 MB more to verify them). */
    static final int MAX_PENDING = 1 << 20;
    /** A pending pair found equal by the texts' hashes: no earlier row is -1. */
    private static final long VERIFIED = -1L;

    /** Receives the verified pairs of one later split. */
    interface Sink {
        /** Whether pairs of this later row are still of interest (false skips its verification). */
        boolean wants(int later);

        void found(int later, int earlier, double similarity);
    }

    private final LshBands bands;
    private final double jaccard;
    private final ShingleSet laterSet = new ShingleSet();
    private final ShingleSet earlierSet = new ShingleSet();
    /** Candidate pairs awaiting verification: the earlier row in the high 32 bits, the later row in the low 32. */
    private final LongArrayList pending = new LongArrayList();
    /** Per pending pair, its earlier row's text hash; and the pairs by later row (the row high, the pair's index low). */
    private long[] earlierHashes = new long[0];
    private long[] byLater = new long[0];
    private final int maxPending;

    /** @param maxPending candidate pairs verified together at most ({@link #MAX_PENDING}; fewer in tests) */
    NearDuplicateSearch(LshBands bands, double jaccard, int maxPending) {
        this.bands = bands;
        this.jaccard = jaccard;
        this.maxPending = maxPending;
    }

    /** Searches the earlier split against each later split, handing each later split's pairs to its sink. */
    void search(NearDuplicateSpill earlier, List<NearDuplicateSpill> laters, List<? extends Sink> sinks)
            throws IOException {
        search(earlier, laters, sinks, 0, bands.bands());
    }

    /**
     * As {@link #search(NearDuplicateSpill, List, List)}, over bands {@code [fromBand, toBand)} only: searches of
     * other bands of the same spills may run at once on other threads, each with a search and sinks of its own.
     */
    void search(NearDuplicateSpill earlier, List<NearDuplicateSpill> laters, List<? extends Sink> sinks, int fromBand,
                int toBand) throws IOException {
        long laterRows = laters.stream().mapToLong(NearDuplicateSpill::size).sum();
        int largest = laters.stream().mapToInt(NearDuplicateSpill::size).max().orElse(0);
        if (earlier.size() == 0 || laterRows == 0) {
            return;
        }
        int rowBits = 64 - Long.numberOfLeadingZeros(Math.max(earlier.size(), largest) - 1L);
        long rowMask = rowBits == 0 ? 0 : -1L >>> (64 - rowBits);
        NearDuplicateSpill.Reader earlierRows = earlier.reader();
        List<NearDuplicateSpill.Reader> laterRowsOf = laters.stream().map(NearDuplicateSpill::reader).toList();
        // the tables and lists of one band are cleared and used again for the next: at 100M rows they are tens of MB
        // each, which a heap of 512 MB finds room for once, not again and again
        long[] laterBits = new long[bitsLength(laterRows)];
        LongArrayList kept = new LongArrayList();
        LongArrayList candidates = new LongArrayList();
        long[] earlierBits = new long[1];
        for (int band = fromBand; band < toBand; band++) {
            Arrays.fill(laterBits, 0);
            for (NearDuplicateSpill.Reader later : laterRowsOf) {
                later.readBand(band, (row, key) -> set(laterBits, key));
            }
            kept.clear();
            kept.ensureCapacity(expectedKept(laterBits, earlier.size()));
            earlierRows.readBand(band, (row, key) -> {
                if (isSet(laterBits, key)) {
                    kept.add(key & ~rowMask | row);
                }
            });
            long[] earlierKeys = sorted(kept);
            int earlierCount = kept.size();
            if (earlierBits.length < bitsLength(earlierCount)) {
                earlierBits = new long[bitsLength(earlierCount)];
            } else {
                Arrays.fill(earlierBits, 0);
            }
            for (int e = 0; e < earlierCount; e++) {
                set(earlierBits, earlierKeys[e]);
            }
            long[] earlierFilter = earlierBits;
            for (int i = 0; i < laters.size(); i++) {
                NearDuplicateSpill.Reader later = laterRowsOf.get(i);
                candidates.clear();
                later.readBand(band, (row, key) -> {
                    if (isSet(earlierFilter, key)) {
                        candidates.add(key & ~rowMask | row);
                    }
                });
                merge(earlierRows, earlierKeys, earlierCount, later, sorted(candidates), candidates.size(), rowMask,
                        sinks.get(i));
            }
        }
    }

    /**
     * The words of a table of 16 bits per key or more (at most 2³¹), a power of two; a key's bit is chosen by its top
     * bits. A larger table than a band needs filters the same keys in, and fewer others.
     */
    private static int bitsLength(long keys) {
        int bitsLog = Math.max(6, 64 - Long.numberOfLeadingZeros(Math.max(1, keys * 16 - 1)));
        return 1 << Math.min(25, bitsLog - 6);
    }

    /** About how many rows of the earlier split a band keeps: its rows times the share of the later table's bits set. */
    private static int expectedKept(long[] laterBits, int earlierRows) {
        long set = 0;
        for (long word : laterBits) {
            set += Long.bitCount(word);
        }
        double share = (double) set / (64.0 * laterBits.length);
        return (int) Math.min(Integer.MAX_VALUE - 16, earlierRows * share * 1.1 + 16);
    }

    private static void set(long[] bits, long key) {
        int bit = (int) (key >>> (64 - 6 - Integer.numberOfTrailingZeros(bits.length)));
        bits[bit >>> 6] |= 1L << bit;
    }

    private static boolean isSet(long[] bits, long key) {
        int bit = (int) (key >>> (64 - 6 - Integer.numberOfTrailingZeros(bits.length)));
        return (bits[bit >>> 6] & 1L << bit) != 0;
    }

    /** The list's values sorted, in its own buffer (which may be longer than the list: read {@code list.size()}). */
    private static long[] sorted(LongArrayList list) {
        Arrays.sort(list.buffer, 0, list.size());
        return list.buffer;
    }

    /** Collects the candidate pairs (rows with equal keys) the sink still wants, verifying them as they fill up. */
    private void merge(NearDuplicateSpill.Reader earlier, long[] earlierKeys, int earlierCount,
                       NearDuplicateSpill.Reader later, long[] laterKeys, int laterCount, long rowMask, Sink sink)
            throws IOException {
        int e = 0;
        int l = 0;
        while (e < earlierCount && l < laterCount) {
            long key = earlierKeys[e] & ~rowMask;
            long laterKey = laterKeys[l] & ~rowMask;
            if (key < laterKey) {
                e++;
            } else if (key > laterKey) {
                l++;
            } else {
                int earlierEnd = e;
                while (earlierEnd < earlierCount && (earlierKeys[earlierEnd] & ~rowMask) == key) {
                    earlierEnd++;
                }
                for (; l < laterCount && (laterKeys[l] & ~rowMask) == key; l++) {
                    int laterRow = (int) (laterKeys[l] & rowMask);
                    for (int i = e; i < earlierEnd && sink.wants(laterRow); i++) {
                        pending.add((earlierKeys[i] & rowMask) << 32 | laterRow);
                        if (pending.size() == maxPending) {
                            verifyPending(earlier, later, sink);
                        }
                    }
                }
                e = earlierEnd;
            }
        }
        verifyPending(earlier, later, sink);
    }

    /**
     * Verifies the pending pairs. First those whose texts have equal hashes, which need no text: the earlier rows'
     * hashes are read in their order, the later rows' in theirs (each a sweep over a column of the spill, not a read
     * per pair). Then the others on their texts, in the earlier split's row order, so in the order of its texts on
     * disk: when the spills outgrow the page cache (at 100M rows), the reads sweep the earlier split's texts instead of
     * seeking.
     */
    private void verifyPending(NearDuplicateSpill.Reader earlier, NearDuplicateSpill.Reader later, Sink sink)
            throws IOException {
        long[] pairs = sorted(pending);
        int n = pending.size();
        if (earlierHashes.length < n) {
            earlierHashes = new long[Math.max(n, Math.min(maxPending, 2 * earlierHashes.length))];
            byLater = new long[earlierHashes.length];
        }
        for (int i = 0; i < n; i++) {
            earlierHashes[i] = earlier.textHash((int) (pairs[i] >>> 32));
            byLater[i] = pairs[i] << 32 | i;
        }
        Arrays.sort(byLater, 0, n);
        for (int k = 0; k < n; k++) {
            int laterRow = (int) (byLater[k] >>> 32);
            int i = (int) byLater[k];
            if (sink.wants(laterRow) && later.textHash(laterRow) == earlierHashes[i]) {
                sink.found(laterRow, (int) (pairs[i] >>> 32), 1.0);
                pairs[i] = VERIFIED;
            }
        }
        int loadedEarlier = -1;
        int loadedLater = -1;
        for (int i = 0; i < n; i++) {
            if (pairs[i] == VERIFIED) {
                continue;
            }
            int earlierRow = (int) (pairs[i] >>> 32);
            int laterRow = (int) pairs[i];
            if (!sink.wants(laterRow)) {
                continue;
            }
            if (earlierRow != loadedEarlier) {
                earlierSet.of(earlier.text(earlierRow));
                loadedEarlier = earlierRow;
            }
            if (laterRow != loadedLater) {
                laterSet.of(later.text(laterRow));
                loadedLater = laterRow;
            }
            double similarity = earlierSet.jaccard(laterSet);
            if (similarity >= jaccard) {
                sink.found(laterRow, earlierRow, similarity);
            }
        }
        pending.clear();
    }
}
