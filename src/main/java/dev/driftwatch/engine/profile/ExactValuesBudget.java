package dev.driftwatch.engine.profile;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exact values the lanes of one profiling pass hold, per split and column, so that together they keep
 * at most about the limit (see {@link ExactValues}). Thread-safe.
 */
final class ExactValuesBudget {
    private final ConcurrentHashMap<String, AtomicLong> held = new ConcurrentHashMap<>();

    AtomicLong held(String split, String column) {
        return held.computeIfAbsent(split + '\u0000' + column, key -> new AtomicLong());
    }
}
