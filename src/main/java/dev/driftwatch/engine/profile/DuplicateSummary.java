package dev.driftwatch.engine.profile;

/**
 * Duplicate rows of a snapshot: rows whose values (every column but the split column) are equal to an earlier
 * row's, found by a 64-bit fingerprint per row (chance of a false duplicate about n² / 2^65: 3e-6 for 10 million
 * rows). Exact for a profiling pass; a merge of profiles estimates the duplicates between its parts once they
 * have many distinct rows (see {@code exact}).
 *
 * @param rows          rows fingerprinted
 * @param duplicateRows rows that repeat an earlier row (rows minus distinct rows)
 * @param exact         false when the count is an estimate (of a merge of large profiles)
 */
public record DuplicateSummary(long rows, long duplicateRows, boolean exact) {
    public DuplicateSummary {
        if (duplicateRows < 0 || duplicateRows > rows) {
            throw new IllegalArgumentException("expected 0.." + rows + " duplicate rows but found " + duplicateRows);
        }
    }

    public long distinctRows() {
        return rows - duplicateRows;
    }

    public double duplicateShare() {
        return rows == 0 ? 0 : (double) duplicateRows / rows;
    }
}
