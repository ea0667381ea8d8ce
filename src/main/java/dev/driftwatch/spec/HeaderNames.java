package dev.driftwatch.spec;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.SplitPolicy;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a rules file declares the header, every column it names elsewhere must be one of the header's
 * names: a typo is then reported at its key when the file loads, not as a missing column in every run.
 */
final class HeaderNames {
    private HeaderNames() {
    }

    /**
     * @return the roles, every column of which is in the header (or there is no declared header)
     * @throws IllegalArgumentException "key: problem" at the first column that is not in the header
     */
    static ColumnRoles requireDeclared(List<String> header, ColumnRoles roles, SplitPolicy splits) {
        if (header == null) {
            return roles;
        }
        for (Map.Entry<String, String> named : roleColumns(roles, splits)) {
            if (!header.contains(named.getValue())) {
                throw new IllegalArgumentException(named.getKey() + ": " + notInHeader(named.getValue()));
            }
        }
        return roles;
    }

    /** The problem of a column that is not among the declared header's names. */
    static String notInHeader(String column) {
        return "expected one of the names in header: but found '" + column + "'";
    }

    /** Every column the dataset's roles name, in file order, with the key that names it. */
    static List<Map.Entry<String, String>> roleColumns(ColumnRoles roles, SplitPolicy splits) {
        List<Map.Entry<String, String>> named = new ArrayList<>();
        single(named, "columns.id", roles.id());
        single(named, "columns.label", roles.label());
        single(named, "columns.tags", roles.tags());
        single(named, "splits.column", splits.column());
        list(named, "columns.inputs", roles.inputs());
        list(named, "columns.numeric", roles.numeric());
        list(named, "columns.categorical", roles.categorical());
        list(named, "columns.text", roles.text());
        list(named, "columns.timestamps", roles.timestamps());
        roles.missingTokens().keySet().stream()
                .filter(column -> !column.equals(ColumnRoles.EVERY_COLUMN))
                .sorted()
                .forEach(column -> single(named, "columns.missing_tokens", column));
        return named;
    }

    private static void single(List<Map.Entry<String, String>> named, String key, String column) {
        if (column != null) {
            named.add(new SimpleImmutableEntry<>(key, column));
        }
    }

    private static void list(List<Map.Entry<String, String>> named, String key, List<String> columns) {
        for (int i = 0; i < columns.size(); i++) {
            named.add(new SimpleImmutableEntry<>(key + "[" + i + "]", columns.get(i)));
        }
    }
}
