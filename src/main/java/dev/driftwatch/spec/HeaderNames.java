package dev.driftwatch.spec;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.SplitPolicy;
import java.util.LinkedHashMap;
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
        Map<String, String> single = new LinkedHashMap<>();
        single.put("columns.id", roles.id());
        single.put("columns.label", roles.label());
        single.put("columns.tags", roles.tags());
        single.put("splits.column", splits.column());
        single.forEach((key, column) -> {
            if (column != null && !header.contains(column)) {
                throw notInHeader(key, column);
            }
        });
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("columns.inputs", roles.inputs());
        lists.put("columns.numeric", roles.numeric());
        lists.put("columns.categorical", roles.categorical());
        lists.put("columns.text", roles.text());
        lists.put("columns.timestamps", roles.timestamps());
        lists.forEach((key, columns) -> {
            for (int i = 0; i < columns.size(); i++) {
                if (!header.contains(columns.get(i))) {
                    throw notInHeader(key + "[" + i + "]", columns.get(i));
                }
            }
        });
        roles.missingTokens().keySet().stream()
                .filter(column -> !column.equals(ColumnRoles.EVERY_COLUMN) && !header.contains(column))
                .sorted().findFirst()
                .ifPresent(column -> {
                    throw notInHeader("columns.missing_tokens", column);
                });
        return roles;
    }

    private static IllegalArgumentException notInHeader(String key, String column) {
        return new IllegalArgumentException(key + ": expected one of the names in header: but found '" + column + "'");
    }
}
