package dev.driftwatch.engine.run;

import dev.driftwatch.engine.snapshot.Snapshot;
import java.util.Set;

/**
 * What a caller requires of the columns a snapshot has, checked after it is read and before any rule judges it:
 * a rules file requires every column it names (the spec layer reports a missing one at its file and line).
 */
@FunctionalInterface
public interface ColumnRequirement {
    /** Requires nothing. */
    ColumnRequirement NONE = (snapshot, columns) -> {
    };

    /**
     * @param columns the snapshot's column names: the union of its files' headers, in the order first seen
     * @throws RuntimeException the caller's own, when a required column is missing
     */
    void check(Snapshot snapshot, Set<String> columns);
}
