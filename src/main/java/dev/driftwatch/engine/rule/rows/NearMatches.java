package dev.driftwatch.engine.rule.rows;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * What the near-duplicate search found for the rows of one later split: for each row, a row of the
 * earlier split whose shingle set reaches the threshold, or none. The first {@code shown} rows with a
 * match (in row order: those a result shows as evidence) get their most similar earlier row (the first
 * of equals), with the similarity; every other row gets the first match found, after which the search
 * skips it. Heap: 4 bytes per row of the later split. Not thread-safe.
 */
final class NearMatches implements NearDuplicateSearch.Sink {
    private final int[] partner;
    private final int shown;
    private final TreeMap<Integer, Double> similarities = new TreeMap<>();
    private long found;

    NearMatches(int rows, int shown) {
        this.partner = new int[rows];
        this.shown = shown;
        Arrays.fill(partner, -1);
    }

    @Override
    public boolean wants(int later) {
        if (partner[later] < 0) {
            return true;
        }
        Double similarity = similarities.get(later);
        return similarity != null && similarity < 1;
    }

    @Override
    public void found(int later, int earlier, double similarity) {
        if (partner[later] < 0) {
            partner[later] = earlier;
            found++;
            show(later, similarity);
            return;
        }
        Double best = similarities.get(later);
        if (best != null && (similarity > best || similarity == best && earlier < partner[later])) {
            partner[later] = earlier;
            similarities.put(later, similarity);
        }
    }

    /** Keeps the similarity of the first {@code shown} matched rows only: a later row never enters them again. */
    private void show(int later, double similarity) {
        if (similarities.size() < shown) {
            similarities.put(later, similarity);
        } else if (shown > 0 && later < similarities.lastKey()) {
            similarities.pollLastEntry();
            similarities.put(later, similarity);
        }
    }

    /** The matched earlier row of a later row, or -1. */
    int partner(int later) {
        return partner[later];
    }

    /** The Jaccard similarity of one of the first {@code shown} matched rows with its partner, else NaN. */
    double similarity(int later) {
        Double similarity = similarities.get(later);
        return similarity == null ? Double.NaN : similarity;
    }

    /** Rows of the later split with a match. */
    long found() {
        return found;
    }
}
