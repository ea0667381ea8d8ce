package dev.driftwatch.engine.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The EDA of one snapshot: a profile per split (in split-name order), exact duplicate rows, and what
 * went wrong while reading. Keeps the mergeable accumulator state behind it, so it can be merged with
 * the profile of other rows ({@link #merge(SnapshotProfile)}) and stored ({@link ProfileCodec}).
 * Immutable and thread-safe once built.
 */
public final class SnapshotProfile {
    private final SnapshotState state;
    private final ReadReport reads;
    private final RowDuplicates duplicates;
    private final TagSettings tagSettings;
    private final Map<String, SplitProfile> splits;

    SnapshotProfile(SnapshotState state, ReadReport reads, RowDuplicates duplicates, TagSettings tagSettings) {
        this.state = state;
        this.reads = reads;
        this.duplicates = duplicates;
        this.tagSettings = tagSettings;
        Map<String, SplitProfile> views = new LinkedHashMap<>();
        state.splits().forEach((name, split) -> views.put(name, split.toProfile(tagSettings)));
        this.splits = java.util.Collections.unmodifiableMap(views);
    }

    public Map<String, SplitProfile> splits() {
        return splits;
    }

    public Optional<SplitProfile> split(String name) {
        return Optional.ofNullable(splits.get(name));
    }

    /** Rows profiled, over all splits. */
    public long rows() {
        return splits.values().stream().mapToLong(SplitProfile::rows).sum();
    }

    /** Rows per split, in split-name order. */
    public Map<String, Long> rowsPerSplit() {
        Map<String, Long> rows = new LinkedHashMap<>();
        splits.forEach((name, split) -> rows.put(name, split.rows()));
        return rows;
    }

    /** What went wrong while reading: rows skipped, by kind, with the first examples (file and line). */
    public ReadReport reads() {
        return reads;
    }

    /** Duplicate rows over the whole snapshot (all splits): exact, but for merges of large profiles ({@link DuplicateSummary#exact}). */
    public DuplicateSummary duplicates() {
        if (duplicates == null) {
            throw new IllegalStateException("expected the duplicate rows to be counted but this run left them out"
                    + " (a gate that writes no profile nor report)");
        }
        return duplicates.summary();
    }

    /** False when the run left the duplicate rows out ({@link ProfileRequest.EdaOnly#DUPLICATE_ROWS}). */
    public boolean duplicatesCounted() {
        return duplicates != null;
    }

    /**
     * The profile of the rows of both profiles. Counts, moments and numeric distributions add up exactly;
     * distinct counts, frequent values and words within their sketches' error. Duplicate rows are those of each
     * part plus the rows the parts share ({@link RowDuplicates}: exact for small parts). Neither input changes.
     */
    public SnapshotProfile merge(SnapshotProfile other) {
        SnapshotState merged = ProfileCodec.copyState(this);
        merged.merge(other.state);
        Map<String, Long> byKind = new TreeMap<>(reads.byKind());
        other.reads.byKind().forEach((k, v) -> byKind.merge(k, v, Long::sum));
        List<dev.driftwatch.engine.read.ReadProblem> examples = new ArrayList<>(reads.examples());
        other.reads.examples().stream().limit(Math.max(0, ReadReport.MAX_EXAMPLES - examples.size())).forEach(examples::add);
        long lines = reads.linesKnown() && other.reads.linesKnown() ? reads.linesRead() + other.reads.linesRead()
                : ReadReport.UNKNOWN_LINES;
        ReadReport mergedReads = new ReadReport(reads.rowsRead() + other.reads.rowsRead(),
                reads.rowsRejected() + other.reads.rowsRejected(), byKind, examples, lines);
        return new SnapshotProfile(merged, mergedReads, rowDuplicates().merge(other.rowDuplicates()), tagSettings);
    }

    SnapshotState state() {
        return state;
    }

    RowDuplicates rowDuplicates() {
        duplicates();
        return duplicates;
    }

    TagSettings tagSettings() {
        return tagSettings;
    }
}
