package dev.driftwatch.engine.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The profile of one split of a snapshot: its row count and a profile per column, in column order. Immutable. */
public record SplitProfile(String split, long rows, Map<String, ColumnProfile> columns) {
    public SplitProfile {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public Optional<ColumnProfile> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }
}
