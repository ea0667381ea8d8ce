package dev.driftwatch.engine.profile;

/**
 * Exact duplicate rows of a snapshot: rows whose values (every column but the split column) are equal
 * to an earlier row's, found by a 64-bit fingerprint per row (chance of a false duplicate about
 * n² / 2^65: 3e-6 for 10 million rows).
 *
 * @param rows          rows fingerprinted
 * @param duplicateRows rows that repeat an earlier row (rows minus distinct rows)
 */
public record DuplicateSummary(long rows, long duplicateRows) {
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
