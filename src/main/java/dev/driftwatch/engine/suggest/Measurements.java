package dev.driftwatch.engine.suggest;

import dev.driftwatch.engine.rule.RuleResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the rules of a first draft measured on the snapshot (their results' observed values), by rule kind and
 * column: the figures that row checks (duplicates, conflicts, leakage) and rules that read the profile through
 * the declared roles give, which the role-free profile cannot. Immutable.
 */
public final class Measurements {
    private static final Measurements NONE = new Measurements(List.of());
    private final Map<String, RuleResult> largest = new HashMap<>();

    private Measurements(List<RuleResult> results) {
        for (RuleResult result : results) {
            if (result.observed() == null || result.observed().isNaN()) {
                continue;
            }
            largest.merge(key(result.kind(), result.column()), result, Measurements::larger);
            largest.merge(key(result.kind(), null), result, Measurements::larger);
        }
    }

    public static Measurements none() {
        return NONE;
    }

    public static Measurements of(List<RuleResult> results) {
        return new Measurements(results);
    }

    /** The largest observed value of the kind's results on this column (null: over every column), with its result. */
    public Optional<RuleResult> largest(String kind, String column) {
        return Optional.ofNullable(largest.get(key(kind, column)));
    }

    private static RuleResult larger(RuleResult a, RuleResult b) {
        return b.observed() > a.observed() ? b : a;
    }

    private static String key(String kind, String column) {
        return kind + "\u0000" + (column == null ? "*" : column);
    }
}
