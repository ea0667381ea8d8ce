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
        return new RowDuplicates(new DuplicateSummary(rows, rows - distinct, true), union.getResult());
    }

    DuplicateSummary summary() {
        return summary;
    }

    RowDuplicates merge(RowDuplicates other) {
        long rows = summary.rows() + other.summary.rows();
        long duplicates = summary.duplicateRows() + other.summary.duplicateRows();
        if (distinct == null || other.distinct == null) {
            return new RowDuplicates(new DuplicateSummary(rows, duplicates, false), null);
        }
        var builder = SetOperation.builder().setNominalEntries(NOMINAL_ENTRIES);
        CompactSketch shared = builder.buildIntersection().intersect(distinct, other.distinct);
        long sharedRows = Math.min(Math.round(shared.getEstimate()),
                Math.min(summary.distinctRows(), other.summary.distinctRows()));
        boolean exact = summary.exact() && other.summary.exact()
                && !distinct.isEstimationMode() && !other.distinct.isEstimationMode();
        return new RowDuplicates(new DuplicateSummary(rows, duplicates + sharedRows, exact),
                builder.buildUnion().union(distinct, other.distinct));
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(summary.rows());
        out.writeLong(summary.duplicateRows());
        out.writeBoolean(summary.exact());
        byte[] bytes = distinct == null ? new byte[0] : distinct.toByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static RowDuplicates read(DataInput in) throws IOException {
        var summary = new DuplicateSummary(in.readLong(), in.readLong(), in.readBoolean());
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new RowDuplicates(summary, bytes.length == 0 ? null : CompactSketch.heapify(Memory.wrap(bytes)));
    }

    /** The duplicates of a profile stored in format 1, which kept only the two counts. */
    static RowDuplicates readCountsOnly(DataInput in) throws IOException {
        return new RowDuplicates(new DuplicateSummary(in.readLong(), in.readLong(), true), null);
    }
}
