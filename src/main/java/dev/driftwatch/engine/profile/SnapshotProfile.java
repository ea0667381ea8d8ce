package dev.driftwatch.engine.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The EDA of one snapshot: a profile per split, and what went wrong while reading. Immutable. */
public record SnapshotProfile(Map<String, SplitProfile> splits, ReadReport reads) {
    public SnapshotProfile {
        splits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(splits));
    }

    public Optional<SplitProfile> split(String name) {
        return Optional.ofNullable(splits.get(name));
    }

    public long rows() {
        return splits.values().stream().mapToLong(SplitProfile::rows).sum();
    }
}
