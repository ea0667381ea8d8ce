package dev.driftwatch.engine.suggest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Gives each suggested rule a name of its own (a second "missing-age" becomes "missing-age-2"). Not thread-safe. */
final class RuleNames {
    private final Set<String> used = new HashSet<>();

    String unique(String name) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }

    /** A column name as part of a rule name: lower case, runs of other characters as '-'. */
    static String slug(String column) {
        String slug = column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "column" : slug;
    }
}
