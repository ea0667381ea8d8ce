package dev.driftwatch.engine.rule.drift;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Benjamini–Hochberg adjusted p-values (q-values): a column drifts when its q-value is at most the FDR. */
final class FalseDiscovery {
    private FalseDiscovery() {
    }

    /** q_i = min over j with rank ≥ rank_i of p_j · m / rank_j, capped at 1; same order as the input. */
    static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 1;
        for (int k = m - 1; k >= 0; k--) {
            int i = order[k];
            running = Math.min(running, pValues[i] * m / (k + 1));
            adjusted[i] = Math.min(1, running);
        }
        return adjusted;
    }
}
