package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Count, mean and sum of squared deviations of a stream of numbers (Welford), mergeable with
 * Chan et al.'s pairwise formula, so partial results combine exactly up to rounding. Not thread-safe.
 */
final class Moments {
    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double x) {
        count++;
        double delta = x - mean;
        mean += delta / count;
        m2 += delta * (x - mean);
        min = Math.min(min, x);
        max = Math.max(max, x);
    }

    void merge(Moments other) {
        if (other.count == 0) {
            return;
        }
        long total = count + other.count;
        double delta = other.mean - mean;
        mean += delta * other.count / total;
        m2 += other.m2 + delta * delta * count * other.count / total;
        count = total;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    long count() {
        return count;
    }

    double mean() {
        return mean;
    }

    /** Sample standard deviation (n - 1); 0 for fewer than two values. */
    double stdDev() {
        return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(mean);
        out.writeDouble(m2);
        out.writeDouble(min);
        out.writeDouble(max);
    }

    static Moments read(DataInput in) throws IOException {
        var moments = new Moments();
        moments.count = in.readLong();
        moments.mean = in.readDouble();
        moments.m2 = in.readDouble();
        moments.min = in.readDouble();
        moments.max = in.readDouble();
        return moments;
    }
}
