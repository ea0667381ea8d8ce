package dev.driftwatch.engine.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The profile of one split of a snapshot: its row count, a profile per column in column order, the label
 * distribution and the tags. Immutable.
 */
public final class SplitProfile {
    private final String split;
    private final long rows;
    private final Map<String, ColumnProfile> columns;
    private final LabelSummary labels;
    private final TagSummary tags;

    SplitProfile(String split, long rows, Map<String, ColumnProfile> columns, LabelSummary labels, TagSummary tags) {
        this.split = split;
        this.rows = rows;
        this.columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.labels = labels;
        this.tags = tags;
    }

    public String split() {
        return split;
    }

    public long rows() {
        return rows;
    }

    public Map<String, ColumnProfile> columns() {
        return columns;
    }

    public Optional<ColumnProfile> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /** The class distribution of the label (or of a single-tag column); empty when the dataset declares neither. */
    public Optional<LabelSummary> labels() {
        return Optional.ofNullable(labels);
    }

    /** The tags of the declared {@code tags} column; empty when none is declared. */
    public Optional<TagSummary> tags() {
        return Optional.ofNullable(tags);
    }
}
