package dev.driftwatch.engine.profile;

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
}
