package dev.driftwatch.spec;

import java.util.Objects;

/**
 * A column that a rules file names, where it names it: a role ({@code columns.label}, {@code columns.numeric[2]},
 * {@code splits.column}) or a rule key ({@code rules[1].columns[0]}, {@code rules[3].label}).
 *
 * @param key    the key path that names the column
 * @param line   the 1-based line of that key in the rules file
 * @param column the column's name as written
 */
public record NamedColumn(String key, int line, String column) {
    public NamedColumn {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(column, "column");
    }
}
