package dev.driftwatch.engine.rule.table;

import java.util.HashMap;
import java.util.Map;

/**
 * The keys of a row check's maps by split and column ({@code split + '\u0000' + column}), each made once: a check
 * asks for one per value it reads, and building it anew each time costs an allocation per value. Not thread-safe.
 */
final class SplitColumnKeys {
    private final Map<String, Map<String, String>> keys = new HashMap<>();

    String of(String split, String column) {
        Map<String, String> byColumn = keys.get(split);
        if (byColumn == null) {
            byColumn = new HashMap<>();
            keys.put(split, byColumn);
        }
        String key = byColumn.get(column);
        if (key == null) {
            key = split + '\u0000' + column;
            byColumn.put(column, key);
        }
        return key;
    }
}
