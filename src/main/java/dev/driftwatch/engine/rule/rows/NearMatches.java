package dev.driftwatch.engine.rule.rows;

import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the near-duplicate search found for the rows of one later split: for each row, a row of the
 * earlier split whose shingle set reaches the threshold, or none. The first {@code shown} rows with a
 * match (in row order: those a result shows as evidence) get their most similar earlier row (the first
 * of equals), with the similarity, whatever the order the pairs came in; every other row gets the first match
 * found, after which the search skips it. Searches of different bands may each fill their own and
 * {@link #merge} them. Heap: 4 bytes per row of the later split. Not thread-safe.
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
        return !similarities.isEmpty() && later <= similarities.lastKey() && similarities.containsKey(later);
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

    /** Adds what a search of other bands of the same splits found: as if one search had found both. */
    void merge(NearMatches other) {
        if (other.partner.length != partner.length || other.shown != shown) {
            throw new IllegalArgumentException("expected matches of " + partner.length + " rows showing " + shown
                    + " but found " + other.partner.length + " showing " + other.shown);
        }
        int[] mine = partner.clone();
        for (int row = 0; row < partner.length; row++) {
            if (partner[row] < 0 && other.partner[row] >= 0) {
                partner[row] = other.partner[row];
                found++;
            }
        }
        // a row among the first shown matches of both is among the first shown of the side(s) that matched it
        TreeMap<Integer, Double> first = new TreeMap<>();
        for (int row : unionOfRows(similarities, other.similarities)) {
            if (first.size() == shown) {
                break;
            }
            Double theirs = other.similarities.get(row);
            Double ours = similarities.get(row);
            boolean takeTheirs = ours == null || theirs != null
                    && (theirs > ours || theirs.equals(ours) && other.partner[row] < mine[row]);
            partner[row] = takeTheirs ? other.partner[row] : mine[row];
            first.put(row, takeTheirs ? theirs : ours);
        }
        similarities.clear();
        similarities.putAll(first);
    }

    private static SortedSet<Integer> unionOfRows(TreeMap<Integer, Double> a, TreeMap<Integer, Double> b) {
        var rows = new TreeSet<>(a.keySet());
        rows.addAll(b.keySet());
        return rows;
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
