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
        VocabularyDeclaration vocabulary) {

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
    }

    /** The format of a file of this dataset: the declared one, or told by the file name. */
    public Format formatOf(String fileName) {
        return format != null ? format : Format.ofFileName(fileName);
    }
}
