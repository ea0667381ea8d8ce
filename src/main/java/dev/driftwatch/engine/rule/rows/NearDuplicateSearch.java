package dev.driftwatch.engine.rule.rows;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Finds pairs of an earlier split's row and a later split's row whose texts have a Jaccard similarity of
 * shingle sets at least the threshold: LSH candidates (rows that share a band key), each verified by
 * re-shingling both texts and computing their exact similarity. One band at a time: the band's keys of
 * the earlier split and of one later split are read from their spills, packed with the row number into
 * one {@code long} (the key's high bits, the row in the low bits), sorted and merged; rows with equal
 * keys are the band's candidates. Heap while searching: 8 bytes per row of the earlier split and of the
 * largest later split, whatever the number of bands. Several later splits share each band of the
 * earlier one. Not thread-safe.
 */
final class NearDuplicateSearch {
    /** Receives the verified pairs of one later split. */
    interface Sink {
        /** Whether pairs of this later row are still of interest (false skips its verification). */
        boolean wants(int later);

        void found(int later, int earlier, double similarity);
    }

    private final LshBands bands;
    private final double jaccard;

    NearDuplicateSearch(LshBands bands, double jaccard) {
        this.bands = bands;
        this.jaccard = jaccard;
    }

    /** Searches the earlier split against each later split, handing each later split's pairs to its sink. */
    void search(NearDuplicateSpill earlier, List<NearDuplicateSpill> laters, List<? extends Sink> sinks)
            throws IOException {
        int largest = laters.stream().mapToInt(NearDuplicateSpill::size).max().orElse(0);
        if (earlier.size() == 0 || largest == 0) {
            return;
        }
        int rowBits = 64 - Long.numberOfLeadingZeros(Math.max(earlier.size(), largest) - 1L);
        long[] earlierKeys = new long[earlier.size()];
        long[] laterKeys = new long[largest];
        for (int band = 0; band < bands.bands(); band++) {
            earlier.readBand(band, earlierKeys);
            pack(earlierKeys, earlierKeys.length, rowBits);
            for (int i = 0; i < laters.size(); i++) {
                NearDuplicateSpill later = laters.get(i);
                later.readBand(band, laterKeys);
                pack(laterKeys, later.size(), rowBits);
                merge(earlier, earlierKeys, later, laterKeys, rowBits, sinks.get(i));
            }
        }
    }

    /** Replaces each key by its high bits and its row number in the low {@code rowBits}, then sorts. */
    private static void pack(long[] keys, int size, int rowBits) {
        long rowMask = rowBits == 0 ? 0 : -1L >>> (64 - rowBits);
        for (int row = 0; row < size; row++) {
            keys[row] = keys[row] & ~rowMask | row;
        }
        Arrays.sort(keys, 0, size);
    }

    private void merge(NearDuplicateSpill earlier, long[] earlierKeys, NearDuplicateSpill later, long[] laterKeys,
                       int rowBits, Sink sink) throws IOException {
        long rowMask = rowBits == 0 ? 0 : -1L >>> (64 - rowBits);
        int e = 0;
        int l = 0;
        while (e < earlier.size() && l < later.size()) {
            long key = earlierKeys[e] & ~rowMask;
            long laterKey = laterKeys[l] & ~rowMask;
            if (key < laterKey) {
                e++;
            } else if (key > laterKey) {
                l++;
            } else {
                int earlierEnd = e;
                while (earlierEnd < earlier.size() && (earlierKeys[earlierEnd] & ~rowMask) == key) {
                    earlierEnd++;
                }
                for (; l < later.size() && (laterKeys[l] & ~rowMask) == key; l++) {
                    verify(later, (int) (laterKeys[l] & rowMask), earlier, earlierKeys, e, earlierEnd, rowMask, sink);
                }
                e = earlierEnd;
            }
        }
    }

    /** Verifies one later row against the earlier rows of its bucket, {@code earlierKeys[from .. to)}. */
    private void verify(NearDuplicateSpill later, int laterRow, NearDuplicateSpill earlier, long[] earlierKeys,
                        int from, int to, long rowMask, Sink sink) throws IOException {
        long[] laterSet = null;
        for (int i = from; i < to && sink.wants(laterRow); i++) {
            int earlierRow = (int) (earlierKeys[i] & rowMask);
            if (laterSet == null) {
                laterSet = Shingles.set(later.text(laterRow));
            }
            double similarity = Shingles.jaccard(Shingles.set(earlier.text(earlierRow)), laterSet);
            if (similarity >= jaccard) {
                sink.found(laterRow, earlierRow, similarity);
            }
        }
    }
}
