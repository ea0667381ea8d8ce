package dev.driftwatch.engine.data;

/**
 * Something computed from a row that several consumers need (normalised inputs and their fingerprint, ...).
 * A run computes each distinct derivation once per row, in its profiling lanes, before the row checks see the
 * row ({@link Row#derived}); equal derivations are one. Implementations are immutable values (records), so that
 * equal parameters make equal derivations.
 *
 * @param <T> what is derived; immutable
 */
public interface RowDerivation<T> {
    T derive(Row row);
}
