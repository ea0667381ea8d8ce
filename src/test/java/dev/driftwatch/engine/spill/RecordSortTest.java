package dev.driftwatch.engine.spill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The radix sort of records against a plain comparison sort done here (records as long[] and a comparator of their
 * longs in turn, signed): random records with negative and extreme keys, many equal first longs, and every first long
 * equal, in widths 1 to 3.
 */
class RecordSortTest {
    private static final long[] EXTREMES = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1,
        Long.MAX_VALUE, 0xFF, 0x100, -0x100, 1L << 56, -(1L << 56)};

    @Test
    void recordsComeOutInTheOrderOfAComparisonSort() {
        var random = new SplittableRandom(5);
        for (int trial = 0; trial < 300; trial++) {
            int width = 1 + trial % 3;
            int records = random.nextInt(trial % 10 == 0 ? 3 : 3_000);
            int keys = switch (trial % 4) {
                case 0 -> 1;
                case 1 -> 10;
                default -> Integer.MAX_VALUE;
            };
            long[] array = new long[records * width + random.nextInt(5) * width];
            List<long[]> expected = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                long[] record = new long[width];
                record[0] = keys == Integer.MAX_VALUE
                        ? (random.nextInt(8) == 0 ? EXTREMES[random.nextInt(EXTREMES.length)] : random.nextLong())
                        : random.nextInt(keys) - keys / 2;
                for (int f = 1; f < width; f++) {
                    record[f] = random.nextInt(4) == 0 ? EXTREMES[random.nextInt(EXTREMES.length)] : random.nextInt(5) - 2;
                }
                System.arraycopy(record, 0, array, i * width, width);
                expected.add(record);
            }
            expected.sort(RecordSortTest::compare);

            new RecordSort(width).sort(array, records);

            List<long[]> actual = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                actual.add(Arrays.copyOfRange(array, i * width, (i + 1) * width));
            }
            assertThat(actual).as("trial %d: %d records of %d longs", trial, records, width)
                    .usingElementComparator(Comparator.comparing(Arrays::toString)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void oneSorterSortsArraysOfDifferentSizesInTurn() {
        var sorter = new RecordSort(2);
        for (int records : new int[] {5, 4_000, 7, 8_192}) {
            var random = new SplittableRandom(records);
            long[] array = new long[records * 2];
            for (int i = 0; i < array.length; i++) {
                array[i] = random.nextLong();
            }
            sorter.sort(array, records);
            for (int i = 1; i < records; i++) {
                assertThat(array[(i - 1) * 2]).isLessThanOrEqualTo(array[i * 2]);
            }
        }
    }

    private static int compare(long[] a, long[] b) {
        for (int f = 0; f < a.length; f++) {
            int c = Long.compare(a[f], b[f]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
