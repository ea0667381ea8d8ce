package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Sketch;
import org.apache.datasketches.theta.UpdateSketch;

/**
 * The duplicate rows of a profile, kept mergeable: the count from the profiling pass (exact, by the fingerprint of
 * every row) and a Theta sketch of the distinct row fingerprints (DataSketches, {@value #NOMINAL_ENTRIES} nominal
 * entries: exact up to that many distinct rows, about 1.6% relative standard error beyond; at most 32 KiB stored).
 * Two merged parts have their own duplicates plus one per distinct row they share, which the intersection of their
 * sketches gives: exactly while neither part has more than {@value #NOMINAL_ENTRIES} distinct rows, as an estimate
 * beyond (the summary then says it is not exact). Immutable.
 */
final class RowDuplicates {
    static final int NOMINAL_ENTRIES = 4096;
    private static final int STANDARD_DEVIATIONS = 3;

    private final DuplicateSummary summary;
    /** Null for a profile stored before the sketch was kept: what it shares with another part is unknown. */
    private final CompactSketch distinct;

    private RowDuplicates(DuplicateSummary summary, CompactSketch distinct) {
        this.summary = summary;
        this.distinct = distinct;
    }

    /** A sketch to give each row's fingerprint to. */
    static UpdateSketch newSketch() {
        return UpdateSketch.builder().setNominalEntries(NOMINAL_ENTRIES).build();
    }

    /**
     * @param rows      rows fingerprinted
     * @param distinct  distinct fingerprints among them
     * @param sketches  sketches that together saw every fingerprint, in a fixed order
     */
    static RowDuplicates counted(long rows, long distinct, Sketch... sketches) {
        var union = SetOperation.builder().setNominalEntries(NOMINAL_ENTRIES).buildUnion();
        for (Sketch sketch : sketches) {
            union.union(sketch);
        }
        return new RowDuplicates(DuplicateSummary.exact(rows, rows - distinct), union.getResult());
    }

    DuplicateSummary summary() {
        return summary;
    }

    /**
     * The duplicates of both parts: each part's own, plus one per distinct row they share. The shared rows are the
     * intersection of their sketches (its estimate within its three-standard-deviation bounds, at most the distinct
     * rows of either part), or, for a part stored without its sketch, anything from none to all of the fewer distinct
     * rows.
     */
    RowDuplicates merge(RowDuplicates other) {
        long rows = summary.rows() + other.summary.rows();
        Figure mine = summary.duplicates();
        Figure theirs = other.summary.duplicates();
        long mostShared = Math.min(summary.rows() - mine.lower(), other.summary.rows() - theirs.lower());
        if (distinct == null || other.distinct == null) {
            long own = mine.value() + theirs.value();
            return new RowDuplicates(new DuplicateSummary(rows, Figure.estimate(own, mine.lower() + theirs.lower(),
                    mine.upper() + theirs.upper() + mostShared)), null);
        }
        var builder = SetOperation.builder().setNominalEntries(NOMINAL_ENTRIES);
        CompactSketch shared = builder.buildIntersection().intersect(distinct, other.distinct);
        long sharedRows = Math.min(Math.round(shared.getEstimate()),
                Math.min(summary.distinctRows(), other.summary.distinctRows()));
        boolean exact = summary.exact() && other.summary.exact()
                && !distinct.isEstimationMode() && !other.distinct.isEstimationMode();
        long value = mine.value() + theirs.value() + sharedRows;
        Figure duplicates = exact ? Figure.exact(value) : Figure.estimate(value,
                mine.lower() + theirs.lower() + Math.max(0, (long) Math.floor(shared.getLowerBound(STANDARD_DEVIATIONS))),
                Math.min(rows, mine.upper() + theirs.upper()
                        + Math.min(mostShared, (long) Math.ceil(shared.getUpperBound(STANDARD_DEVIATIONS)))));
        return new RowDuplicates(new DuplicateSummary(rows, duplicates), builder.buildUnion().union(distinct, other.distinct));
    }

    /** This count with the bounds kept in a profile's section of exact counts (format 3 on). */
    RowDuplicates withBounds(long lower, long upper) {
        Figure count = summary.duplicates();
        if (count.exact()) {
            return this;
        }
        return new RowDuplicates(new DuplicateSummary(summary.rows(), Figure.estimate(count.value(), lower, upper)),
                distinct);
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(summary.rows());
        out.writeLong(summary.duplicateRows());
        out.writeBoolean(summary.exact());
        byte[] bytes = distinct == null ? new byte[0] : distinct.toByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** The count without its bounds, which follow in the section of exact counts (unknown before format 3). */
    static RowDuplicates read(DataInput in) throws IOException {
        long rows = in.readLong();
        long duplicates = in.readLong();
        var summary = new DuplicateSummary(rows, in.readBoolean() ? Figure.exact(duplicates)
                : Figure.estimate(duplicates, 0, rows));
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new RowDuplicates(summary, bytes.length == 0 ? null : CompactSketch.heapify(Memory.wrap(bytes)));
    }

    /** The duplicates of a profile stored in format 1, which kept only the two counts. */
    static RowDuplicates readCountsOnly(DataInput in) throws IOException {
        return new RowDuplicates(DuplicateSummary.exact(in.readLong(), in.readLong()), null);
    }
}
