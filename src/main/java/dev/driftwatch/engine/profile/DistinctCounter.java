package dev.driftwatch.engine.profile;

import com.carrotsearch.hppc.LongHashSet;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Distinct values: exact up to a bound ({@value #EXACT_VALUES} by default) by a set of their 64-bit hashes (two
 * values share one with probability about n² / 2^65, which counts as exact), and always estimated by a DataSketches
 * HyperLogLog sketch (lgK 12, HLL_8: about 1.6% relative standard error, at most 4 KiB), whose own bounds, three
 * standard deviations wide, are the error of the {@link #figure()} once the set is dropped. Memory: the set, at most
 * 64 KiB, while it is kept. Deterministic: the same updates and merges in the same order give the same bytes. Not
 * thread-safe.
 */
final class DistinctCounter {
    static final int EXACT_VALUES = 4096;
    private static final int LG_K = 12;
    private static final TgtHllType TYPE = TgtHllType.HLL_8;
    private static final int STANDARD_DEVIATIONS = 3;
    private HllSketch sketch;
    private final int exactValues;
    /** The hashes of the values while there are at most {@link #exactValues} of them; null beyond, or when unknown. */
    private LongHashSet exact;

    DistinctCounter() {
        this(EXACT_VALUES);
    }

    /** @param exactValues the most distinct values counted exactly (0: estimated only) */
    DistinctCounter(int exactValues) {
        this(new HllSketch(LG_K, TYPE), exactValues);
        exact = exactValues > 0 ? new LongHashSet() : null;
    }

    private DistinctCounter(HllSketch sketch, int exactValues) {
        this.sketch = sketch;
        this.exactValues = exactValues;
    }

    void update(String value) {
        sketch.update(value);
        track(StringHash.of(value));
    }

    /** Adds a value by a 64-bit hash of it (the sketch hashes it again). */
    void updateHash(long hash) {
        sketch.update(hash);
        track(hash);
    }

    private void track(long hash) {
        if (exact != null && exact.add(hash) && exact.size() > exactValues) {
            exact = null;
        }
    }

    long estimate() {
        return figure().value();
    }

    /** The distinct count: exact while the set is kept, else the sketch's estimate within its bounds. */
    Figure figure() {
        if (exact != null) {
            return Figure.exact(exact.size());
        }
        return Figure.estimate(Math.round(sketch.getEstimate()),
                (long) Math.floor(sketch.getLowerBound(STANDARD_DEVIATIONS)),
                (long) Math.ceil(sketch.getUpperBound(STANDARD_DEVIATIONS)));
    }

    void merge(DistinctCounter other) {
        Union union = new Union(LG_K);
        union.update(sketch);
        union.update(other.sketch);
        sketch = union.getResult(TYPE);
        if (exact != null && other.exact != null) {
            exact.addAll(other.exact);
            if (exact.size() > exactValues) {
                exact = null;
            }
        } else {
            exact = null;
        }
    }

    /** The updatable form: unlike the compact one, a reloaded sketch writes it back byte for byte. */
    void write(DataOutput out) throws IOException {
        byte[] bytes = sketch.toUpdatableByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** The sketch alone (as profiles up to format 2 kept it): the exact values are unknown until {@link #readExact}. */
    static DistinctCounter read(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new DistinctCounter(HllSketch.heapify(bytes), EXACT_VALUES);
    }

    /** The exact part (format 3 on): whether the set is kept, and its sorted hashes. */
    void writeExact(DataOutput out) throws IOException {
        out.writeBoolean(exact != null);
        if (exact != null) {
            long[] hashes = exact.toArray();
            Arrays.sort(hashes);
            Codec.writeSortedHashes(out, hashes);
        }
    }

    void readExact(DataInput in) throws IOException {
        exact = null;
        if (in.readBoolean()) {
            long[] hashes = Codec.readSortedHashes(in, exactValues);
            exact = new LongHashSet(hashes.length);
            exact.addAll(hashes);
        }
    }
}
