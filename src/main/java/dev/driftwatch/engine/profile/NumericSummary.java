package dev.driftwatch.engine.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The numeric values of a column: exact count, min, max, mean, standard deviation, zeros and negatives,
 * and a distribution sketch (logarithmic bins, DDSketch) whose quantiles are within 1% of the true value
 * of that rank. The bins of two summaries share their edges, so KS, Wasserstein and PSI can be computed
 * bin by bin ({@link #bins()}, {@link #cdf(double)}). Declared numeric columns also keep their exact values
 * while a split has at most the dataset's {@code exact_values_limit} of them ({@link #exactValues()}), from
 * which drift statistics are exact. Immutable and thread-safe.
 */
public final class NumericSummary {
    /** The ranks of {@link #quantiles()}. */
    public static final double[] RANKS = {0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1};

    private final Moments moments;
    private final LogHistogram histogram;
    private final List<Bin> bins;
    private final long zeros;
    private final long negatives;
    private final long exactLimit;
    private final SortedNumbers exact;

    /**
     * @param exactLimit the most exact values the column kept, or -1 when it kept none
     * @param exact      its exact values, or null (none kept, or more than the limit)
     */
    NumericSummary(Moments moments, LogHistogram histogram, long zeros, long negatives, long exactLimit,
                   SortedNumbers exact) {
        this.moments = moments;
        this.histogram = histogram;
        this.bins = List.copyOf(histogram.bins());
        this.zeros = zeros;
        this.negatives = negatives;
        this.exactLimit = exactLimit;
        this.exact = exact;
    }

    /**
     * Every value, ascending: present for a declared numeric column of at most the dataset's
     * {@code exact_values_limit} values in this split; empty beyond it, for other columns, and in profiles
     * stored before format 3.
     */
    public Optional<SortedNumbers> exactValues() {
        return Optional.ofNullable(exact);
    }

    /** The most exact values this column would keep ({@code exact_values_limit}); empty when it keeps none. */
    public OptionalLong exactValuesLimit() {
        return exactLimit < 0 ? OptionalLong.empty() : OptionalLong.of(exactLimit);
    }

    /** Values that parsed as numbers. */
    public long count() {
        return moments.count();
    }

    public double min() {
        return moments.min();
    }

    public double max() {
        return moments.max();
    }

    public double mean() {
        return moments.mean();
    }

    /** Sample standard deviation (n - 1); 0 for fewer than two values. */
    public double stdDev() {
        return moments.stdDev();
    }

    public long zeros() {
        return zeros;
    }

    public long negatives() {
        return negatives;
    }

    /** Values at {@link #RANKS}. */
    public List<Double> quantiles() {
        return Arrays.stream(RANKS).mapToObj(this::quantile).toList();
    }

    /** The value at a rank in [0, 1]: min at 0, max at 1, otherwise within 1% (relative) of the true value. */
    public double quantile(double rank) {
        if (rank < 0 || rank > 1) {
            throw new IllegalArgumentException("expected a rank between 0 and 1 but found " + rank);
        }
        if (count() == 0) {
            return Double.NaN;
        }
        if (rank == 0) {
            return min();
        }
        if (rank == 1) {
            return max();
        }
        double target = rank * (count() - 1);
        long seen = 0;
        for (Bin bin : bins) {
            seen += bin.count();
            if (seen > target) {
                return Math.max(min(), Math.min(max(), bin.value()));
            }
        }
        return max();
    }

    /** Share of values at or below x, in [0, 1] (resolution: one bin, 2% of the value). */
    public double cdf(double x) {
        if (count() == 0) {
            return Double.NaN;
        }
        if (x >= max()) {
            return 1;
        }
        if (x < min()) {
            return 0;
        }
        long below = 0;
        for (Bin bin : bins) {
            if (bin.value() > x) {
                break;
            }
            below += bin.count();
        }
        return (double) below / count();
    }

    /** The non-empty bins, ascending. */
    public List<Bin> bins() {
        return bins;
    }

    /**
     * The value at a rank from the exact values where this split kept them (NumPy's linear quantile,
     * {@link SortedNumbers#quantile}), else from the sketch ({@link #quantile}).
     */
    public double quantileExactWhereKept(double rank) {
        return exact != null ? exact.quantile(rank) : quantile(rank);
    }

    /**
     * Counts in {@code buckets} equal-width buckets from min to max (the last one includes max): exact where this split
     * kept its values, else each sketch bin goes to the bucket of its value.
     */
    public List<Bin> histogram(int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("expected at least 1 bucket but found " + buckets);
        }
        List<Bin> result = new ArrayList<>();
        if (count() == 0) {
            return result;
        }
        double width = (max() - min()) / buckets;
        long[] counts = new long[buckets];
        if (width == 0) {
            counts[0] = count();
        } else if (exact != null) {
            long below = 0;
            for (int i = 0; i < buckets - 1; i++) {
                long belowNext = exact.atOrBelow(Math.nextDown(min() + (i + 1) * width));
                counts[i] = belowNext - below;
                below = belowNext;
            }
            counts[buckets - 1] = exact.count() - below;
        } else {
            for (Bin bin : bins) {
                int i = (int) ((Math.max(min(), Math.min(max(), bin.value())) - min()) / width);
                counts[Math.min(buckets - 1, i)] += bin.count();
            }
        }
        for (int i = 0; i < buckets; i++) {
            double lower = min() + i * width;
            result.add(new Bin(lower, lower + width, lower + width / 2, counts[i]));
        }
        return result;
    }

    /** Q1 - 1.5 IQR (Tukey's lower fence), from the exact values where kept ({@link #quantileExactWhereKept}). */
    public double lowerFence() {
        double q1 = quantileExactWhereKept(0.25);
        return q1 - 1.5 * (quantileExactWhereKept(0.75) - q1);
    }

    /** Q3 + 1.5 IQR (Tukey's upper fence), from the exact values where kept ({@link #quantileExactWhereKept}). */
    public double upperFence() {
        double q3 = quantileExactWhereKept(0.75);
        return q3 + 1.5 * (q3 - quantileExactWhereKept(0.25));
    }

    /**
     * True when this split kept every value ({@link #exactValues()}): its quantiles, histogram and IQR figures are then
     * exact, from the values.
     */
    public boolean keptEveryValue() {
        return exact != null;
    }

    /**
     * The values outside the IQR fences: counted exactly where this split kept its values, else estimated from the
     * sketch (resolution: one bin; see {@link NumericFigures#iqrOutliers} for its bounds).
     */
    public long iqrOutliers() {
        double low = lowerFence();
        double high = upperFence();
        if (exact != null) {
            return exact.atOrBelow(Math.nextDown(low)) + exact.count() - exact.atOrBelow(high);
        }
        return bins.stream().filter(bin -> bin.value() < low || bin.value() > high).mapToLong(Bin::count).sum();
    }

    LogHistogram histogramState() {
        return histogram;
    }

    Moments momentsState() {
        return moments;
    }
}
