package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A relative-error quantile sketch with logarithmic bins (the DDSketch of Masson, Rim and Lee, VLDB 2019):
 * a value x > 0 falls in bin ceil(log_gamma(x)), with gamma = (1 + a) / (1 - a) and a = 1%, so every
 * quantile is within 1% of a true value of that rank. Negative values use a mirrored store, zeros a counter.
 * Deterministic and exactly mergeable (bins add up), so the result does not depend on row order or thread
 * count. At most {@value #MAX_BINS} bins per sign (the smallest magnitudes are collapsed beyond that):
 * about 16 KiB per store. Not thread-safe.
 */
final class LogHistogram {
    static final double ACCURACY = 0.01;
    static final int MAX_BINS = 2048;
    private static final double GAMMA = (1 + ACCURACY) / (1 - ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    private static final double MIN_MAGNITUDE = 1e-12;

    private final BinStore positive = new BinStore();
    private final BinStore negative = new BinStore();
    private long zeros;

    void add(double x) {
        if (x > MIN_MAGNITUDE) {
            positive.add(index(x), 1);
        } else if (x < -MIN_MAGNITUDE) {
            negative.add(index(-x), 1);
        } else {
            zeros++;
        }
    }

    private static int index(double magnitude) {
        return (int) Math.ceil(Math.log(magnitude) / LOG_GAMMA);
    }

    static double lowerBound(int index) {
        return Math.pow(GAMMA, index - 1);
    }

    static double value(int index) {
        return 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
    }

    long count() {
        return positive.total() + negative.total() + zeros;
    }

    void merge(LogHistogram other) {
        positive.merge(other.positive);
        negative.merge(other.negative);
        zeros += other.zeros;
    }

    /** Bins in ascending order of value; empty bins are left out. */
    List<Bin> bins() {
        List<Bin> bins = new ArrayList<>();
        for (int i = negative.maxIndex(); i >= negative.minIndex(); i--) {
            long c = negative.get(i);
            if (c > 0) {
                bins.add(new Bin(-Math.pow(GAMMA, i), -lowerBound(i), -value(i), c));
            }
        }
        if (zeros > 0) {
            bins.add(new Bin(0, 0, 0, zeros));
        }
        for (int i = positive.minIndex(); i <= positive.maxIndex(); i++) {
            long c = positive.get(i);
            if (c > 0) {
                bins.add(new Bin(lowerBound(i), Math.pow(GAMMA, i), value(i), c));
            }
        }
        return bins;
    }

    void write(DataOutput out) throws IOException {
        positive.write(out);
        negative.write(out);
        out.writeLong(zeros);
    }

    static LogHistogram read(DataInput in) throws IOException {
        var histogram = new LogHistogram();
        histogram.positive.readInto(in);
        histogram.negative.readInto(in);
        histogram.zeros = in.readLong();
        return histogram;
    }

    /** Counts by bin index in a dense array that grows as needed and collapses its lowest bins beyond MAX_BINS. */
    private static final class BinStore {
        private long[] counts = new long[0];
        private int offset;
        private long total;

        void add(int index, long count) {
            if (counts.length == 0) {
                counts = new long[64];
                offset = index - 32;
            }
            if (index < offset || index >= offset + counts.length) {
                grow(index);
            }
            if (index < offset) {
                index = offset;
            }
            counts[index - offset] += count;
            total += count;
        }

        private void grow(int index) {
            int low = Math.min(offset, index);
            int high = Math.max(offset + counts.length - 1, index);
            int width = high - low + 1;
            int newLength = Math.min(MAX_BINS, Math.max(width, counts.length * 2));
            int newOffset = width > MAX_BINS || index < offset ? high - newLength + 1 : low;
            long[] grown = new long[newLength];
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    grown[Math.max(offset + i, newOffset) - newOffset] += counts[i];
                }
            }
            counts = grown;
            offset = newOffset;
        }

        long get(int index) {
            return index < offset || index >= offset + counts.length ? 0 : counts[index - offset];
        }

        int minIndex() {
            return offset;
        }

        int maxIndex() {
            return offset + counts.length - 1;
        }

        long total() {
            return total;
        }

        void merge(BinStore other) {
            for (int i = 0; i < other.counts.length; i++) {
                if (other.counts[i] != 0) {
                    add(other.offset + i, other.counts[i]);
                }
            }
        }

        void write(DataOutput out) throws IOException {
            int first = 0;
            int last = counts.length - 1;
            while (first <= last && counts[first] == 0) {
                first++;
            }
            while (last >= first && counts[last] == 0) {
                last--;
            }
            out.writeInt(offset + first);
            out.writeInt(last - first + 1);
            for (int i = first; i <= last; i++) {
                out.writeLong(counts[i]);
            }
        }

        void readInto(DataInput in) throws IOException {
            int start = in.readInt();
            int length = in.readInt();
            for (int i = 0; i < length; i++) {
                long c = in.readLong();
                if (c != 0) {
                    add(start + i, c);
                }
            }
        }
    }
}
