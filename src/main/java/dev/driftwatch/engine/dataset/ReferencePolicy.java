package dev.driftwatch.engine.dataset;

import java.util.Objects;

/**
 * What a snapshot is compared with by the rules that compare (drift, new tags, row count change).
 *
 * @param kind     the previous snapshot of the dataset, a pinned baseline snapshot, or another split of the same snapshot
 * @param baseline for {@link Kind#BASELINE}: the id (folder or file name) of the pinned snapshot
 * @param split    for {@link Kind#SPLIT}: the split the others are compared with (e.g. {@code train})
 */
public record ReferencePolicy(Kind kind, String baseline, String split) {
    public enum Kind { PREVIOUS, BASELINE, SPLIT }

    public ReferencePolicy {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.BASELINE && (baseline == null || baseline.isBlank())) {
            throw new IllegalArgumentException("expected the id of the baseline snapshot but found none");
        }
        if (kind == Kind.SPLIT && (split == null || split.isBlank())) {
            throw new IllegalArgumentException("expected the name of the reference split but found none");
        }
    }

    public static ReferencePolicy previous() {
        return new ReferencePolicy(Kind.PREVIOUS, null, null);
    }
}
