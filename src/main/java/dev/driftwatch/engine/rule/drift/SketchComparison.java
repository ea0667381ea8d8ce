package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.profile.Bin;
import dev.driftwatch.engine.profile.NumericSummary;
import java.util.List;

/**
 * Drift statistics of two samples known only by their profiles' sketches (logarithmic bins that share their
 * edges, each value within 1% of its bin's value), with how far off they can be:
 * <ul>
 * <li>KS D: at the edges between bins both CDFs are exact, so D is at least the largest gap there (d-) and
 * at most that or, inside a bin, the gap with one side's bin counted and the other's not (d+). The estimate
 * is (d- + d+) / 2, within ±(d+ - d-) / 2.</li>
 * <li>Wasserstein-1: computed with each value moved to its bin's value, which moves it by at most 1% of
 * itself, so the estimate is within 1% of the mean absolute value of each side, added.</li>
 * <li>PSI: over the sketch's deciles and CDF; no bound.</li>
 * </ul>
 * The bounds hold while neither sketch has merged its smallest bins (values spanning more than about 10^17 in
 * magnitude). Stateless.
 */
final class SketchComparison {
    private SketchComparison() {
    }

    /** {estimate, error bound} of KS D. */
    static double[] ks(NumericSummary first, NumericSummary second) {
        double lower = ks(first, second, true);
        double upper = Math.max(lower, ks(first, second, false));
        return new double[] {(lower + upper) / 2, (upper - lower) / 2};
    }

    /** The largest CDF gap at bin edges ({@code atEdges}), else with one side's bin counted and the other's not. */
    private static double ks(NumericSummary first, NumericSummary second, boolean atEdges) {
        double n1 = first.count();
        double n2 = second.count();
        double gap = 0;
        BinWalk walk = new BinWalk(first.bins(), second.bins());
        while (walk.next()) {
            double before1 = walk.below1 / n1;
            double before2 = walk.below2 / n2;
            double after1 = (walk.below1 + walk.count1) / n1;
            double after2 = (walk.below2 + walk.count2) / n2;
            gap = Math.max(gap, atEdges ? Math.abs(after1 - after2)
                    : Math.max(Math.abs(after1 - before2), Math.abs(before1 - after2)));
        }
        return gap;
    }

    /** KS D at the edges between bins, where both CDFs are exact: d-, at most one bin's resolution below D. */
    static double ksAtEdges(NumericSummary first, NumericSummary second) {
        return ks(first, second, true);
    }

    /** {estimate, error bound} of the Wasserstein-1 distance, in the values' units. */
    static double[] wasserstein(NumericSummary first, NumericSummary second) {
        double n1 = first.count();
        double n2 = second.count();
        BinWalk walk = new BinWalk(first.bins(), second.bins());
        double previous = Double.NaN;
        double sum = 0;
        double magnitude1 = 0;
        double magnitude2 = 0;
        while (walk.next()) {
            if (!Double.isNaN(previous)) {
                sum += Math.abs(walk.below1 / n1 - walk.below2 / n2) * (walk.value - previous);
            }
            magnitude1 += Math.abs(walk.value) * walk.count1;
            magnitude2 += Math.abs(walk.value) * walk.count2;
            previous = walk.value;
        }
        // |x - bin value| <= 1% |x| and |x| <= |bin value| / 0.99
        double bound = 0.01 / 0.99 * (magnitude1 / n1 + magnitude2 / n2);
        return new double[] {sum, bound};
    }

    /** The PSI over the reference sketch's deciles (values within 1%) and both sketches' CDFs (resolution one bin). */
    static double psi(NumericSummary reference, NumericSummary current) {
        double psi = 0;
        double previousRef = 0;
        double previousCur = 0;
        for (int bin = 1; bin <= 10; bin++) {
            double edge = bin == 10 ? Double.POSITIVE_INFINITY : reference.quantile(bin / 10.0);
            double ref = bin == 10 ? 1 : reference.cdf(edge);
            double cur = bin == 10 ? 1 : current.cdf(edge);
            psi += ExactComparison.term(ref - previousRef, cur - previousCur);
            previousRef = ref;
            previousCur = cur;
        }
        return psi;
    }

    /** Walks the union of two sketches' bins in ascending order; counts below the bin, then in it, per side. */
    private static final class BinWalk {
        private final List<Bin> first;
        private final List<Bin> second;
        private int i;
        private int j;
        long below1;
        long below2;
        long count1;
        long count2;
        double value;

        BinWalk(List<Bin> first, List<Bin> second) {
            this.first = first;
            this.second = second;
        }

        boolean next() {
            below1 += count1;
            below2 += count2;
            count1 = 0;
            count2 = 0;
            if (i >= first.size() && j >= second.size()) {
                return false;
            }
            boolean takeFirst = j >= second.size() || (i < first.size() && first.get(i).value() <= second.get(j).value());
            value = takeFirst ? first.get(i).value() : second.get(j).value();
            if (i < first.size() && first.get(i).value() == value) {
                count1 = first.get(i++).count();
            }
            if (j < second.size() && second.get(j).value() == value) {
                count2 = second.get(j++).count();
            }
            return true;
        }
    }
}
