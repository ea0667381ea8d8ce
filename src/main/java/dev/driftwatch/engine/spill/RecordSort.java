package dev.driftwatch.engine.spill;

import com.carrotsearch.hppc.sorting.QuickSort;
import java.util.Arrays;

/**
 * Sorts records of a fixed number of longs, stored one after another in a {@code long[]}, by their first long, then
 * their second, and so on (signed, as {@link Long#compare}). One long: {@link Arrays#sort(long[], int, int)}. More: a
 * stable least-significant-digit radix sort of the first long, a byte a pass (a pass whose byte is the same in every
 * record is skipped), then each group of records with an equal first long is put in order of the other longs. The
 * first long of the records sorted here is a hash or a fingerprint, so groups are rare and small. Not thread-safe: it
 * keeps scratch space as large as the largest array sorted.
 */
final class RecordSort {
    private static final int PASSES = Long.BYTES;
    private static final int DIGITS = 256;
    private final int width;
    private final int[] counts = new int[PASSES * DIGITS];
    private long[] scratch = new long[0];

    /** @param width longs per record (at least 1) */
    RecordSort(int width) {
        this.width = width;
    }

    /** Sorts the first {@code records} records of {@code array}. */
    void sort(long[] array, int records) {
        if (width == 1) {
            Arrays.sort(array, 0, records);
            return;
        }
        if (scratch.length < records * width) {
            scratch = new long[array.length];
        }
        long[] from = radixByFirst(array, records);
        if (from != array) {
            System.arraycopy(from, 0, array, 0, records * width);
        }
        sortGroupsByTheRest(array, records);
    }

    /** Returns the array that holds the records sorted by their first long: {@code array} or the scratch space. */
    private long[] radixByFirst(long[] array, int records) {
        Arrays.fill(counts, 0);
        for (int i = 0; i < records; i++) {
            long key = array[i * width] ^ Long.MIN_VALUE;
            for (int pass = 0; pass < PASSES; pass++) {
                counts[pass * DIGITS + (int) (key >>> (8 * pass) & 0xFF)]++;
            }
        }
        long[] from = array;
        long[] to = scratch;
        for (int pass = 0; pass < PASSES; pass++) {
            if (!startPositions(pass, records)) {
                continue;
            }
            int shift = 8 * pass;
            int offset = pass * DIGITS;
            if (width == 2) {
                moveRecordsOfTwo(from, to, records, shift, offset);
            } else {
                for (int i = 0; i < records; i++) {
                    int at = i * width;
                    int digit = (int) ((from[at] ^ Long.MIN_VALUE) >>> shift & 0xFF);
                    System.arraycopy(from, at, to, counts[offset + digit]++ * width, width);
                }
            }
            long[] sorted = to;
            to = from;
            from = sorted;
        }
        return from;
    }

    /**
     * One pass for records of two longs (a key and a location: {@code split_leakage}'s and {@code duplicate_rows}'),
     * moved by two assignments: a call of {@link System#arraycopy} per record of 16 bytes costs more than the move.
     */
    private void moveRecordsOfTwo(long[] from, long[] to, int records, int shift, int offset) {
        for (int at = 0, end = 2 * records; at < end; at += 2) {
            long first = from[at];
            int position = 2 * counts[offset + (int) ((first ^ Long.MIN_VALUE) >>> shift & 0xFF)]++;
            to[position] = first;
            to[position + 1] = from[at + 1];
        }
    }

    /**
     * Turns a pass's digit counts into each digit's first position; false when every record has the same digit, so the
     * pass would move nothing.
     */
    private boolean startPositions(int pass, int records) {
        int offset = pass * DIGITS;
        int position = 0;
        for (int digit = 0; digit < DIGITS; digit++) {
            int count = counts[offset + digit];
            if (count == records) {
                return false;
            }
            counts[offset + digit] = position;
            position += count;
        }
        return true;
    }

    private void sortGroupsByTheRest(long[] array, int records) {
        for (int start = 0; start < records; ) {
            long first = array[start * width];
            int end = start + 1;
            while (end < records && array[end * width] == first) {
                end++;
            }
            if (end - start > 1) {
                QuickSort.sort(start, end, (i, j) -> compareRest(array, i, j), (i, j) -> swap(array, i, j));
            }
            start = end;
        }
    }

    private int compareRest(long[] array, int i, int j) {
        int x = i * width;
        int y = j * width;
        for (int f = 1; f < width; f++) {
            int c = Long.compare(array[x + f], array[y + f]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private int swap(long[] array, int i, int j) {
        int x = i * width;
        int y = j * width;
        for (int f = 0; f < width; f++) {
            long t = array[x + f];
            array[x + f] = array[y + f];
            array[y + f] = t;
        }
        return 0;
    }
}
