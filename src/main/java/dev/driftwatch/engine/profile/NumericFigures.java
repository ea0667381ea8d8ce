package dev.driftwatch.engine.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a {@link NumericSummary} that come from its logarithmic bins, with their bounds, in the JSON shape of
 * {@link Figure#json()}; exact, from the values themselves, where the split kept every value
 * ({@link NumericSummary#keptEveryValue()}). From the bins: a quantile lies in the bin that holds the value of its rank
 * (within 1% of the bin's value);
 * a histogram bucket holds at least the bins wholly inside it and at most those that overlap it; the values outside
 * the IQR fences lie between those wholly beyond the fences the quartiles' bins allow and those partly beyond them.
 * Min, max (ranks 0 and 1), count, mean and standard deviation are exact. When a sign's bins span more than the
 * sketch keeps ({@value LogHistogram#MAX_BINS} bins), its smallest magnitudes were collapsed into its first bin, whose
 * bound then reaches 0. Stateless.
 */
public final class NumericFigures {
    private NumericFigures() {
    }

    /** The value at a rank, as {@code {"value", "exact", "lower", "upper"}}, doubles (null when not finite). */
    static Map<String, Object> quantile(NumericSummary summary, double rank) {
        double value = summary.quantileExactWhereKept(rank);
        if (rank == 0 || rank == 1 || summary.count() < 2 || summary.keptEveryValue()) {
            return json(value, value, value, true);
        }
        double target = rank * (summary.count() - 1);
        double[] below = binHolding(summary, (long) Math.floor(target));
        double[] above = binHolding(summary, (long) Math.ceil(target));
        return json(value, Math.max(summary.min(), Math.min(value, below[0])),
                Math.min(summary.max(), Math.max(value, above[1])), false);
    }

    /** The edges of the bin holding the value of sorted index {@code index}, widened where bins were collapsed. */
    private static double[] binHolding(NumericSummary summary, long index) {
        List<Bin> bins = summary.bins();
        long seen = 0;
        for (int i = 0; i < bins.size(); i++) {
            seen += bins.get(i).count();
            if (seen > index) {
                return edges(bins, i);
            }
        }
        return new double[] {summary.max(), summary.max()};
    }

    private static double[] edges(List<Bin> bins, int i) {
        Bin bin = bins.get(i);
        if (bin.value() > 0 && bin == firstOfSign(bins, true) && collapsed(bins, true)) {
            return new double[] {0, bin.upper()};
        }
        if (bin.value() < 0 && bin == firstOfSign(bins, false) && collapsed(bins, false)) {
            return new double[] {bin.lower(), 0};
        }
        return new double[] {bin.lower(), bin.upper()};
    }

    /** The bin of smallest magnitude of a sign (the one that collapsed bins go to), or null. */
    private static Bin firstOfSign(List<Bin> bins, boolean positive) {
        Bin first = null;
        for (Bin bin : bins) {
            if (positive ? bin.value() > 0 && first == null : bin.value() < 0) {
                first = bin;
            }
        }
        return first;
    }

    /** True when a sign's bins span the most the sketch keeps, so smaller magnitudes may have been collapsed. */
    private static boolean collapsed(List<Bin> bins, boolean positive) {
        double smallest = Double.MAX_VALUE;
        double largest = 0;
        for (Bin bin : bins) {
            double magnitude = Math.abs(bin.value());
            if (positive ? bin.value() > 0 : bin.value() < 0) {
                smallest = Math.min(smallest, magnitude);
                largest = Math.max(largest, magnitude);
            }
        }
        double gamma = (1 + LogHistogram.ACCURACY) / (1 - LogHistogram.ACCURACY);
        return largest > 0 && Math.log(largest / smallest) / Math.log(gamma) + 1 >= LogHistogram.MAX_BINS - 0.5;
    }

    /** The buckets of {@link NumericSummary#histogram(int)}, each with its count as a figure. */
    static List<Map<String, Object>> histogram(NumericSummary summary, int buckets) {
        List<Map<String, Object>> json = new ArrayList<>();
        List<Bin> bins = summary.bins();
        for (Bin bucket : summary.histogram(buckets)) {
            long inside = 0;
            long overlapping = 0;
            for (int i = 0; i < bins.size(); i++) {
                double[] edges = edges(bins, i);
                double lower = Math.max(summary.min(), edges[0]);
                double upper = Math.min(summary.max(), edges[1]);
                boolean last = bucket.upper() >= summary.max();
                if (lower >= bucket.lower() && (upper < bucket.upper() || last && upper <= bucket.upper())) {
                    inside += bins.get(i).count();
                }
                if (upper >= bucket.lower() && (lower < bucket.upper() || last && lower <= bucket.upper())) {
                    overlapping += bins.get(i).count();
                }
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("lower", bucket.lower());
            entry.put("upper", bucket.upper());
            entry.put("count", (summary.keptEveryValue() ? Figure.exact(bucket.count())
                    : Figure.estimate(bucket.count(), inside, overlapping)).json());
            json.add(entry);
        }
        return json;
    }

    /**
     * {@link NumericSummary#iqrOutliers()} with bounds from the quartiles' bins: at least the values of the bins wholly
     * beyond every fence the quartiles allow, at most those of the bins partly beyond one of them.
     */
    public static Figure iqrOutliers(NumericSummary summary) {
        long estimate = summary.iqrOutliers();
        if (summary.count() < 2 || summary.keptEveryValue()) {
            return Figure.exact(estimate);
        }
        Map<String, Object> q1 = quantile(summary, 0.25);
        Map<String, Object> q3 = quantile(summary, 0.75);
        double q1Low = (Double) q1.get("lower");
        double q1High = (Double) q1.get("upper");
        double q3Low = (Double) q3.get("lower");
        double q3High = (Double) q3.get("upper");
        double lowestLowerFence = 2.5 * q1Low - 1.5 * q3High;
        double highestLowerFence = 2.5 * q1High - 1.5 * q3Low;
        double lowestUpperFence = 2.5 * q3Low - 1.5 * q1High;
        double highestUpperFence = 2.5 * q3High - 1.5 * q1Low;
        long certain = 0;
        long possible = 0;
        List<Bin> bins = summary.bins();
        for (int i = 0; i < bins.size(); i++) {
            double[] edges = edges(bins, i);
            double lower = Math.max(summary.min(), edges[0]);
            double upper = Math.min(summary.max(), edges[1]);
            if (upper < lowestLowerFence || lower > highestUpperFence) {
                certain += bins.get(i).count();
            }
            if (lower < highestLowerFence || upper > lowestUpperFence) {
                possible += bins.get(i).count();
            }
        }
        return Figure.estimate(estimate, certain, possible);
    }

    private static Map<String, Object> json(double value, double lower, double upper, boolean exact) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", finite(value));
        json.put("exact", exact);
        json.put("lower", finite(lower));
        json.put("upper", finite(upper));
        return json;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
