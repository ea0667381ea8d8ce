package dev.driftwatch.engine.suggest;

/** The role {@link RoleInference} gives a column; each maps to a key of a rules file's {@code columns:}. */
public enum ColumnRole {
    /** Identifies a row: {@code columns.id}. */
    ID,
    /** The single-label target: {@code columns.label}. */
    LABEL,
    /** A list of labels per row: {@code columns.tags}. */
    TAGS,
    NUMERIC,
    CATEGORICAL,
    /** Free text: {@code columns.text}. */
    TEXT,
    TIMESTAMP,
    /** A code with too many values to be a category and too short to be text (a ticket, a cabin): no role. */
    CODE
}
