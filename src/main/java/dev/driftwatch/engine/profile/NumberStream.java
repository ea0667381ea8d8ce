package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Moments, zeros, negatives and the distribution sketch of a stream of numbers. Not thread-safe. */
final class NumberStream {
    private final Moments moments;
    private final LogHistogram histogram;
    private long zeros;
    private long negatives;

    NumberStream() {
        this(new Moments(), new LogHistogram());
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
    }

    void merge(NumberStream other) {
        moments.merge(other.moments);
        histogram.merge(other.histogram);
        zeros += other.zeros;
        negatives += other.negatives;
    }

    long count() {
        return moments.count();
    }

    /** A summary, or null when no number was seen. */
    NumericSummary summary() {
        return moments.count() == 0 ? null : new NumericSummary(moments, histogram, zeros, negatives);
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
