package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Distinct values, estimated by a DataSketches HyperLogLog sketch (lgK 12, HLL_8): exact while small,
 * then about 1.6% relative standard error, at most 4 KiB. Deterministic: the same updates and merges in
 * the same order give the same bytes. Not thread-safe.
 */
final class DistinctCounter {
    private static final int LG_K = 12;
    private static final TgtHllType TYPE = TgtHllType.HLL_8;
    private HllSketch sketch;

    DistinctCounter() {
        this(new HllSketch(LG_K, TYPE));
    }

    private DistinctCounter(HllSketch sketch) {
        this.sketch = sketch;
    }

    void update(String value) {
        sketch.update(value);
    }

    /** Adds a value by a 64-bit hash of it (the sketch hashes it again). */
    void updateHash(long hash) {
        sketch.update(hash);
    }

    long estimate() {
        return Math.round(sketch.getEstimate());
    }

    void merge(DistinctCounter other) {
        Union union = new Union(LG_K);
        union.update(sketch);
        union.update(other.sketch);
        sketch = union.getResult(TYPE);
    }

    /** The updatable form: unlike the compact one, a reloaded sketch writes it back byte for byte. */
    void write(DataOutput out) throws IOException {
        byte[] bytes = sketch.toUpdatableByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static DistinctCounter read(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new DistinctCounter(HllSketch.heapify(bytes));
    }
}
