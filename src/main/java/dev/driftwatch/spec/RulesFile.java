package dev.driftwatch.spec;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.snapshot.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A loaded rules file: the dataset it declares and its rules, in file order.
 *
 * @param namedColumns every column the file names (roles and rule keys), with its key and line, in file order
 * @param datasetLine  the line of the {@code dataset:} key
 * @param maxSnapshotAge how old the newest snapshot may grow before the data counts as stopped
 *                       ({@code schedule.max_snapshot_age}), or null when not declared
 * @param maxRunTime     how long one run of the dataset may take in the service ({@code schedule.max_run_time}), or
 *                       null for the service's {@code driftwatch.limits.max-run-time}
 */
public record RulesFile(Path file, DatasetDefinition dataset, List<Rule> rules, List<NamedColumn> namedColumns,
                        int datasetLine, Duration maxSnapshotAge, Duration maxRunTime) {
    /** Column names listed in a message; a wider snapshot is cut short. */
    private static final int LISTED_COLUMNS = 20;

    public RulesFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(dataset, "dataset");
        rules = List.copyOf(rules);
        namedColumns = List.copyOf(namedColumns);
    }

    public RulesFile(Path file, DatasetDefinition dataset, List<Rule> rules, List<NamedColumn> namedColumns,
                     int datasetLine) {
        this(file, dataset, rules, namedColumns, datasetLine, null, null);
    }

    /** A rules file whose columns and lines are not known (built in code, not read from a file). */
    public RulesFile(Path file, DatasetDefinition dataset, List<Rule> rules) {
        this(file, dataset, rules, List.of(), 1);
    }

    /**
     * Every column the file names that the snapshot does not have, as a rules-file mistake at its key:
     * "expected one of the columns of snapshot s1.csv [a, b] but found 'c'". In file order.
     *
     * @param columns the snapshot's column names (the union of its files' headers)
     */
    public List<RulesFileException> missingColumns(Snapshot snapshot, Collection<String> columns) {
        return namedColumns.stream()
                .filter(named -> !columns.contains(named.column()))
                .map(named -> new RulesFileException(file, named.line(), named.key(), "expected one of the columns of snapshot "
                        + snapshot.id() + " " + listed(columns) + " but found '" + named.column() + "'"))
                .toList();
    }

    /**
     * @throws RulesFileException at the first column the file names that the snapshot does not have
     */
    public void requireColumns(Snapshot snapshot, Collection<String> columns) {
        List<RulesFileException> missing = missingColumns(snapshot, columns);
        if (!missing.isEmpty()) {
            throw missing.get(0);
        }
    }

    private static String listed(Collection<String> columns) {
        String shown = columns.stream().limit(LISTED_COLUMNS).collect(Collectors.joining(", "));
        return "[" + shown + (columns.size() > LISTED_COLUMNS ? ", … " + columns.size() + " in all" : "") + "]";
    }
}
