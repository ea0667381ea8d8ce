package dev.driftwatch.engine.rule.tags;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Rows per tag: exact, in a hash map, while at most {@code exactTags} distinct tags have been seen (by default
 * {@value #EXACT_TAGS}, a few MB); beyond, a DataSketches frequent-items sketch of {@value #SKETCH_MAP_SIZE}
 * counters (about 3,000 tags kept, a few hundred KB), whose counts are estimates, each at most {@link #maxError()}
 * above the true count, and which drops the rarer tags: the heap no longer grows with the distinct tags (a tag set
 * per row, for example). Tallies of disjoint rows merge ({@link #merge}): exact while their tags together are at most
 * {@code exactTags}, as one tally of all the rows is; else merged sketches, whose error bounds add up. Serializable
 * (the sketch as its DataSketches bytes). Not thread-safe.
 */
final class TagTally implements Serializable {
    static final int EXACT_TAGS = 1 << 15;
    private static final int SKETCH_MAP_SIZE = 1 << 12;
    private final int exactTags;
    private HashMap<String, Long> exact = new HashMap<>();
    private transient ItemsSketch<String> sketch;

    TagTally() {
        this(EXACT_TAGS);
    }

    /** @param exactTags the most distinct tags counted exactly */
    TagTally(int exactTags) {
        this.exactTags = exactTags;
    }

    void add(String tag) {
        add(tag, 1);
    }

    private void add(String tag, long rows) {
        if (exact == null) {
            sketch.update(tag, rows);
            return;
        }
        exact.merge(tag, rows, Long::sum);
        if (exact.size() > exactTags) {
            toSketch();
        }
    }

    private void toSketch() {
        sketch = new ItemsSketch<>(SKETCH_MAP_SIZE);
        exact.forEach((t, rows) -> sketch.update(t, rows));
        exact = null;
    }

    /** Adds the rows per tag another tally (of the same {@code exactTags}, over other rows) counted. */
    void merge(TagTally other) {
        if (other.exact != null) {
            other.exact.forEach(this::add);
            return;
        }
        if (exact != null) {
            toSketch();
        }
        sketch.merge(other.sketch);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        if (exact == null) {
            out.writeObject(sketch.toByteArray(new ArrayOfStringsSerDe()));
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (exact == null) {
            sketch = ItemsSketch.getInstance(Memory.wrap((byte[]) in.readObject()), new ArrayOfStringsSerDe());
        }
    }

    /** True while every tag seen is counted exactly. */
    boolean isExact() {
        return exact != null;
    }

    /** The most a count of {@link #counts()} is above the true count, and the most rows a tag it lacks may have (0 when exact). */
    long maxError() {
        return exact != null ? 0 : sketch.getMaximumError();
    }

    int exactTags() {
        return exactTags;
    }

    /** Rows per tag: every tag while exact, else the tags the sketch kept with their estimated counts. */
    Map<String, Long> counts() {
        if (exact != null) {
            return exact;
        }
        Map<String, Long> kept = new HashMap<>();
        for (var row : sketch.getFrequentItems(0, ErrorType.NO_FALSE_NEGATIVES)) {
            kept.put(row.getItem(), row.getEstimate());
        }
        return kept;
    }
}
