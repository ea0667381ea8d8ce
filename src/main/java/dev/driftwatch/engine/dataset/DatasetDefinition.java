package dev.driftwatch.engine.dataset;

import dev.driftwatch.engine.read.Format;
import dev.driftwatch.engine.read.ReadOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A declared dataset: where its snapshots live and how to read them.
 *
 * @param name          unique, lower-case name ({@code [a-z0-9][a-z0-9_-]*}); used in URLs and metric labels
 * @param source        the folder that holds the snapshots (absolute, or resolved against the rules file's folder)
 * @param layout        a folder or a file per snapshot, when one is complete, and their order
 * @param format        the format of every data file, or null to tell it by file name
 * @param readOptions   how to read csv and tsv: header, trimming, delimiter, quote, list column, field limits
 * @param splits        how rows divide into splits
 * @param columns       the role of each column
 * @param reference     what comparison rules compare with
 * @param interval      how often the service looks for new snapshots, or null for the global interval
 * @param maxBadRowShare the share of rows (0..1) that may be unreadable before the whole snapshot counts as unreadable
 * @param vocabulary    the declared vocabulary of the tags or label column, or null
 * @param exactValuesLimit the most values of a declared numeric column a split keeps exactly, for exact drift
 *                      statistics ({@code exact_values_limit}, default {@value #DEFAULT_EXACT_VALUES_LIMIT}); beyond
 *                      it the column's sketch alone is kept
 * @param rowMemory     the bytes of fingerprints one run keeps in memory, shared by all its sorted buffers
 *                      (duplicate rows, conflicting labels, exact leakage, the profile's duplicate count; each may
 *                      always keep one chunk), beyond which a buffer writes a sorted run to the temporary folder
 *                      ({@code row_memory}, default {@value #DEFAULT_ROW_MEMORY}); on Spark, per partition
 */
public record DatasetDefinition(
        String name,
        Path source,
        SnapshotLayout layout,
        Format format,
        ReadOptions readOptions,
        SplitPolicy splits,
        ColumnRoles columns,
        ReferencePolicy reference,
        Duration interval,
        double maxBadRowShare,
        VocabularyDeclaration vocabulary,
        long exactValuesLimit,
        long rowMemory) {

    /**
     * Two million values: 16 MB a column and split as a {@code double[]}. The profiling lanes share the limit,
     * so a pass holds at most the limit plus a few thousand values per column and split, and the stored profile
     * stores them as runs of equal values (12 bytes a run). A run compares two profiles (the snapshot and its
     * reference): a dataset with five numeric columns at the limit needs 160 MB of the 512 MB heap for them.
     */
    public static final long DEFAULT_EXACT_VALUES_LIMIT = 2_000_000;
    /**
     * 16 MiB: a million rows of 16 bytes, shared by a run's sorted buffers (at most six: the profile's duplicate count,
     * duplicate_rows, conflicting_labels, and split_leakage's id, exact and normalised modes).
     */
    public static final long DEFAULT_ROW_MEMORY = 16L << 20;
    /** The smallest {@code row_memory}: 64 KiB (each buffer keeps at least 8,192 records whatever the setting). */
    public static final long MIN_ROW_MEMORY = 64L << 10;

    /** The largest {@code exact_values_limit}: 100 million values, 800 MB a column and split. */
    public static final long MAX_EXACT_VALUES_LIMIT = 100_000_000;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public DatasetDefinition {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "expected a name of lower-case letters, digits, '-' and '_' but found '" + name + "'");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(layout, "layout");
        readOptions = readOptions == null ? ReadOptions.AS_WRITTEN : readOptions;
        if (format != null) {
            readOptions.requireApplicableTo(format);
        }
        splits = splits == null ? SplitPolicy.none() : splits;
        columns = columns == null ? ColumnRoles.none() : columns;
        reference = reference == null ? ReferencePolicy.previous() : reference;
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("expected a positive interval but found " + interval);
        }
        if (maxBadRowShare < 0 || maxBadRowShare > 1) {
            throw new IllegalArgumentException("expected a share between 0 and 1 but found " + maxBadRowShare);
        }
        requireExactValuesLimit(exactValuesLimit);
        requireRowMemory(rowMemory);
    }

    /** A dataset that keeps the default row memory ({@value #DEFAULT_ROW_MEMORY} bytes a run). */
    public DatasetDefinition(String name, Path source, SnapshotLayout layout, Format format, ReadOptions readOptions,
                             SplitPolicy splits, ColumnRoles columns, ReferencePolicy reference, Duration interval,
                             double maxBadRowShare, VocabularyDeclaration vocabulary, long exactValuesLimit) {
        this(name, source, layout, format, readOptions, splits, columns, reference, interval, maxBadRowShare,
                vocabulary, exactValuesLimit, DEFAULT_ROW_MEMORY);
    }

    /** A dataset that keeps the default number of exact values ({@value #DEFAULT_EXACT_VALUES_LIMIT}). */
    public DatasetDefinition(String name, Path source, SnapshotLayout layout, Format format, ReadOptions readOptions,
                             SplitPolicy splits, ColumnRoles columns, ReferencePolicy reference, Duration interval,
                             double maxBadRowShare, VocabularyDeclaration vocabulary) {
        this(name, source, layout, format, readOptions, splits, columns, reference, interval, maxBadRowShare,
                vocabulary, DEFAULT_EXACT_VALUES_LIMIT, DEFAULT_ROW_MEMORY);
    }

    /** @throws IllegalArgumentException unless 0 ≤ limit ≤ {@value #MAX_EXACT_VALUES_LIMIT} */
    public static void requireExactValuesLimit(long limit) {
        if (limit < 0 || limit > MAX_EXACT_VALUES_LIMIT) {
            throw new IllegalArgumentException("exact_values_limit: expected a number of values from 0 to "
                    + MAX_EXACT_VALUES_LIMIT + " but found " + limit);
        }
    }

    /** @throws IllegalArgumentException unless bytes ≥ {@value #MIN_ROW_MEMORY} */
    public static void requireRowMemory(long bytes) {
        if (bytes < MIN_ROW_MEMORY) {
            throw new IllegalArgumentException("row_memory: expected a number of bytes of at least " + MIN_ROW_MEMORY
                    + " but found " + bytes);
        }
    }

    /** The format of a file of this dataset: the declared one, or told by the file name. */
    public Format formatOf(String fileName) {
        return format != null ? format : Format.ofFileName(fileName);
    }

    /** The same declaration with another reference policy (e.g. to compare two chosen snapshots). */
    public DatasetDefinition withReference(ReferencePolicy other) {
        return new DatasetDefinition(name, source, layout, format, readOptions, splits, columns, other, interval, maxBadRowShare,
                vocabulary, exactValuesLimit, rowMemory);
    }
}
