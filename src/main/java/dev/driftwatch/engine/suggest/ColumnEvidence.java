package dev.driftwatch.engine.suggest;

import java.util.Objects;

/**
 * The role of one column and the figures it was inferred from, as a sentence for a comment.
 *
 * @param column the column's name
 * @param role   its role
 * @param reason the observed figures, such as "891 distinct of 891 rows, integer"
 */
public record ColumnEvidence(String column, ColumnRole role, String reason) {
    public ColumnEvidence {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reason, "reason");
    }
}
