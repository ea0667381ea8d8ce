package dev.driftwatch.engine.rule.drift;

/** How a column's distribution is compared. */
enum DriftKind {
    /** Numbers: the numeric methods. */
    NUMERIC,
    /** Categories and single labels: the categorical methods. */
    CATEGORICAL,
    /** Free text: its length in characters (numeric methods) and the rate of words the reference never used. */
    TEXT,
    /** Multi-label tags: tag frequencies (categorical methods) and tags per row (numeric methods). */
    TAGS
}
