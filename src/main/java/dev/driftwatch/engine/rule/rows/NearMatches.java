package dev.driftwatch.engine.rule.rows;

import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the near-duplicate search found for the rows of one later split: whether each row has a row of the earlier
 * split whose shingle set reaches the threshold. The first {@code shown} rows with a match (in row order: those a
 * result shows as evidence) keep their most similar earlier row (the first of equals), with the similarity, whatever
 * the order the pairs came in; every other matched row is skipped by the search from its first match on, and keeps
 * no partner. Searches of different bands may each fill their own and {@link #merge} them. Heap: one bit per row of
 * the later split, and the rows shown. Not thread-safe.
 */
final class NearMatches implements NearDuplicateSearch.Sink {
    private final long[] matched;
    private final int rows;
    private final int shown;
    /** The first {@code shown} matched rows, each with its best earlier row so far. */
    private final TreeMap<Integer, Partner> first = new TreeMap<>();
    private long found;

    NearMatches(int rows, int shown) {
        this.rows = rows;
        this.matched = new long[(rows + 63) >>> 6];
        this.shown = shown;
    }

    @Override
    public boolean wants(int later) {
        if (!matched(later)) {
            return true;
        }
        return !first.isEmpty() && later <= first.lastKey() && first.containsKey(later);
    }

    @Override
    public void found(int later, int earlier, double similarity) {
        if (!matched(later)) {
            matched[later >>> 6] |= 1L << later;
            found++;
            show(later, new Partner(earlier, similarity));
            return;
        }
        Partner best = first.get(later);
        if (best != null && new Partner(earlier, similarity).isBetterThan(best)) {
            first.put(later, new Partner(earlier, similarity));
        }
    }

    /** Adds what a search of other bands of the same splits found: as if one search had found both. */
    void merge(NearMatches other) {
        if (other.rows != rows || other.shown != shown) {
            throw new IllegalArgumentException("expected matches of " + rows + " rows showing " + shown
                    + " but found " + other.rows + " showing " + other.shown);
        }
        for (int word = 0; word < matched.length; word++) {
            found += Long.bitCount(other.matched[word] & ~matched[word]);
            matched[word] |= other.matched[word];
        }
        // a row among the first shown matches of both is among the first shown of the side(s) that matched it
        TreeMap<Integer, Partner> merged = new TreeMap<>();
        for (int row : unionOfRows(first, other.first)) {
            if (merged.size() == shown) {
                break;
            }
            Partner ours = first.get(row);
            Partner theirs = other.first.get(row);
            merged.put(row, ours == null || theirs != null && theirs.isBetterThan(ours) ? theirs : ours);
        }
        first.clear();
        first.putAll(merged);
    }

    private static SortedSet<Integer> unionOfRows(TreeMap<Integer, Partner> a, TreeMap<Integer, Partner> b) {
        var rows = new TreeSet<>(a.keySet());
        rows.addAll(b.keySet());
        return rows;
    }

    /** Keeps the first {@code shown} matched rows only: a later row never enters them again. */
    private void show(int later, Partner partner) {
        if (first.size() < shown) {
            first.put(later, partner);
        } else if (shown > 0 && later < first.lastKey()) {
            first.pollLastEntry();
            first.put(later, partner);
        }
    }

    /** Whether a later row has a match. */
    boolean matched(int later) {
        return (matched[later >>> 6] & 1L << later) != 0;
    }

    /** The matched earlier row of one of the first {@code shown} matched rows, else -1. */
    int partner(int later) {
        Partner partner = first.get(later);
        return partner == null ? -1 : partner.earlier();
    }

    /** The Jaccard similarity of one of the first {@code shown} matched rows with its partner, else NaN. */
    double similarity(int later) {
        Partner partner = first.get(later);
        return partner == null ? Double.NaN : partner.similarity();
    }

    /** The first {@code shown} matched rows, in row order. */
    SortedSet<Integer> shownRows() {
        return first.navigableKeySet();
    }

    /** Rows of the later split with a match. */
    long found() {
        return found;
    }

    private record Partner(int earlier, double similarity) {
        /** More similar, or as similar and earlier in its split. */
        boolean isBetterThan(Partner other) {
            return similarity > other.similarity || similarity == other.similarity && earlier < other.earlier;
        }
    }
}
