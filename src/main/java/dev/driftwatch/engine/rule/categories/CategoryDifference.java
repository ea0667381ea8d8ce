package dev.driftwatch.engine.rule.categories;

import dev.driftwatch.engine.rule.Ratios;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values of one side that the other side lacks. With value counts that are estimates, a value missing
 * from the other side's summary may still occur there up to its error, so a value is listed only when it
 * has more rows than that (its count here taken at its lowest, estimate less this side's error).
 *
 * @param listed     the values lacking on the other side with their rows here, most frequent first
 * @param belowMin   values lacking on the other side but held by fewer than {@code min_count} rows
 * @param unresolved values lacking from the other side's summary with too few rows to tell from its error
 */
record CategoryDifference(Map<String, Long> listed, Map<String, Long> belowMin, int unresolved) {
    private static final int LISTED_IN_MESSAGE = 10;

    static CategoryDifference of(CategoryCounts side, CategoryCounts other, long minCount) {
        Map<String, Long> listed = new LinkedHashMap<>();
        Map<String, Long> belowMin = new LinkedHashMap<>();
        int unresolved = 0;
        for (String value : side.counts().keySet()) {
            if (other.has(value)) {
                continue;
            }
            long rows = side.atLeast(value);
            if (rows <= other.error()) {
                unresolved++;
            } else if (rows < minCount) {
                belowMin.put(value, rows);
            } else {
                listed.put(value, rows);
            }
        }
        return new CategoryDifference(sorted(listed), sorted(belowMin), unresolved);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    long rows() {
        return listed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "<=50K. (12,435), >50K. (3,846)", the ten most frequent first. */
    static String describe(Map<String, Long> counts) {
        String shown = counts.entrySet().stream().limit(LISTED_IN_MESSAGE)
                .map(e -> e.getKey() + " (" + Ratios.count(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
        return counts.size() > LISTED_IN_MESSAGE ? shown + " and " + Ratios.count(counts.size() - LISTED_IN_MESSAGE) + " more"
                : shown;
    }
}
