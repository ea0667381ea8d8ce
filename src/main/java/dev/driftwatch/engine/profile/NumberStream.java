package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Moments, zeros, negatives and the distribution sketch of a stream of numbers, and for declared numeric
 * columns their exact values up to a limit ({@link ExactValues}). Not thread-safe.
 */
final class NumberStream {
    private final Moments moments;
    private final LogHistogram histogram;
    private long zeros;
    private long negatives;
    /** The exact values, or null when they are not kept (not a declared numeric column, or an older profile). */
    private ExactValues exact;

    NumberStream() {
        this(new Moments(), new LogHistogram());
    }

    /** @param exact the exact values to keep, or null */
    NumberStream(ExactValues exact) {
        this();
        this.exact = exact;
    }

    private NumberStream(Moments moments, LogHistogram histogram) {
        this.moments = moments;
        this.histogram = histogram;
    }

    void add(double x) {
        moments.add(x);
        histogram.add(x);
        if (x == 0) {
            zeros++;
        } else if (x < 0) {
            negatives++;
        }
        if (exact != null) {
            exact.add(x);
        }
    }

    /** Exact values survive a merge when both sides kept theirs (or one side has no numbers at all). */
    void merge(NumberStream other) {
        if (exact != null && other.exact != null) {
            exact.merge(other.exact);
        } else if (exact == null && other.exact != null && moments.count() == 0) {
            exact = new ExactValues(other.exact.limit(), null);
            exact.merge(other.exact);
        } else if (exact != null && other.exact == null && other.moments.count() > 0) {
            exact = null;
        }
        moments.merge(other.moments);
        histogram.merge(other.histogram);
        zeros += other.zeros;
        negatives += other.negatives;
    }

    long count() {
        return moments.count();
    }

    ExactValues exactValues() {
        return exact;
    }

    /** Attaches exact values read from a profile's bytes ({@link ProfileCodec}). */
    void attach(ExactValues values) {
        this.exact = values;
    }

    /** A summary, or null when no number was seen. */
    NumericSummary summary() {
        if (moments.count() == 0) {
            return null;
        }
        return new NumericSummary(moments, histogram, zeros, negatives, exact == null ? -1 : exact.limit(),
                exact == null ? null : exact.sortedValues());
    }

    void write(DataOutput out) throws IOException {
        moments.write(out);
        histogram.write(out);
        out.writeLong(zeros);
        out.writeLong(negatives);
    }

    static NumberStream read(DataInput in) throws IOException {
        var stream = new NumberStream(Moments.read(in), LogHistogram.read(in));
        stream.zeros = in.readLong();
        stream.negatives = in.readLong();
        return stream;
    }
}
