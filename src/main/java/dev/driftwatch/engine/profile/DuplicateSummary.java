package dev.driftwatch.engine.profile;

import java.util.Objects;

/**
 * Duplicate rows of a snapshot: rows whose values (every column but the split column) are equal to an earlier
 * row's, found by a 64-bit fingerprint per row (chance of a false duplicate about n² / 2^65: 3e-6 for 10 million
 * rows). Exact for a profiling pass; a merge of profiles estimates the duplicates between its parts once they
 * have many distinct rows, within the bounds of its {@link Figure}.
 *
 * @param rows       rows fingerprinted
 * @param duplicates rows that repeat an earlier row (rows minus distinct rows): exact, or an estimate with bounds
 */
public record DuplicateSummary(long rows, Figure duplicates) {
    public DuplicateSummary {
        Objects.requireNonNull(duplicates, "duplicates");
        if (duplicates.lower() < 0 || duplicates.upper() > rows) {
            throw new IllegalArgumentException("expected 0.." + rows + " duplicate rows but found " + duplicates.lower()
                    + ".." + duplicates.upper());
        }
    }

    /** The exact count of a profiling pass. */
    public static DuplicateSummary exact(long rows, long duplicateRows) {
        return new DuplicateSummary(rows, Figure.exact(duplicateRows));
    }

    /** Rows that repeat an earlier row: {@code duplicates}' value. */
    public long duplicateRows() {
        return duplicates.value();
    }

    /** False when the count is an estimate (of a merge of large profiles). */
    public boolean exact() {
        return duplicates.exact();
    }

    public long distinctRows() {
        return rows - duplicates.value();
    }

    public double duplicateShare() {
        return rows == 0 ? 0 : (double) duplicates.value() / rows;
    }
}
