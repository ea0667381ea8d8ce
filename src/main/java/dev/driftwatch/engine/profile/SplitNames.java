package dev.driftwatch.engine.profile;

import java.util.HashMap;
import java.util.Map;

/**
 * The split a split column's value names: the value stripped, {@code (none)} for a missing or blank one. Hands out one
 * String per split, whose hash is then computed once: every row check looks each row's split up in a map of its own.
 * Not thread-safe: one per reading thread.
 */
final class SplitNames {
    static final String NONE = "(none)";
    /** A split column with more distinct values than this is not worth remembering: its names are not shared. */
    private static final int MAX_KEPT = 1024;
    private final Map<String, String> kept = new HashMap<>();

    String of(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String name = kept.get(value);
        if (name == null) {
            String stripped = value.strip();
            name = kept.getOrDefault(stripped, stripped);
            if (kept.size() < MAX_KEPT) {
                kept.put(value, name);
                kept.putIfAbsent(stripped, name);
            }
        }
        return name;
    }
}
