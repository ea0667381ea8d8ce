package dev.driftwatch.engine.rule.tags;

import java.util.HashMap;
import java.util.Map;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;

/**
 * Rows per tag: exact, in a hash map, while at most {@code exactTags} distinct tags have been seen (by default
 * {@value #EXACT_TAGS}, a few MB); beyond, a DataSketches frequent-items sketch of {@value #SKETCH_MAP_SIZE}
 * counters (about 3,000 tags kept, a few hundred KB), whose counts are estimates, each at most {@link #maxError()}
 * above the true count, and which drops the rarer tags: the heap no longer grows with the distinct tags (a tag set
 * per row, for example). Not thread-safe.
 */
final class TagTally {
    static final int EXACT_TAGS = 1 << 15;
    private static final int SKETCH_MAP_SIZE = 1 << 12;
    private final int exactTags;
    private Map<String, Long> exact = new HashMap<>();
    private ItemsSketch<String> sketch;

    TagTally() {
        this(EXACT_TAGS);
    }

    /** @param exactTags the most distinct tags counted exactly */
    TagTally(int exactTags) {
        this.exactTags = exactTags;
    }

    void add(String tag) {
        if (exact == null) {
            sketch.update(tag);
            return;
        }
        exact.merge(tag, 1L, Long::sum);
        if (exact.size() > exactTags) {
            sketch = new ItemsSketch<>(SKETCH_MAP_SIZE);
            exact.forEach((t, rows) -> sketch.update(t, rows));
            exact = null;
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
