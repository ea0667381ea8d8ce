package dev.driftwatch.engine.rule.tags;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.ValueCount;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tags of a reference profile, summed over its splits: from its tag or label summary, else from the column's
 * value counts; complete while every split counted them exactly.
 *
 * @param counts    rows per tag
 * @param error     0 when complete; else the most rows a tag the counts lack may hold in the reference (its splits'
 *                  Misra-Gries errors added up), or {@link Long#MAX_VALUE} when unknown (a column without value counts)
 * @param hasColumn false when no row of the reference has the column (every value absent or null)
 */
record ReferenceTags(Map<String, Long> counts, long error, boolean hasColumn) {
    static ReferenceTags complete(Map<String, Long> counts) {
        return new ReferenceTags(counts, 0, true);
    }

    static ReferenceTags of(SnapshotProfile profile, String column) {
        Map<String, Long> counts = new TreeMap<>();
        long error = 0;
        boolean hasColumn = false;
        for (var split : profile.splits().values()) {
            var tags = split.tags().filter(t -> t.column().equals(column));
            var labels = split.labels().filter(l -> l.column().equals(column));
            ColumnProfile values = split.columns().get(column);
            hasColumn |= values != null && values.count() > values.missingByReason().getOrDefault("null", 0L);
            if (tags.isPresent()) {
                tags.get().frequencies().forEach(v -> counts.merge(v.value(), v.count(), Long::sum));
                error = sum(error, tags.get().maxError());
            } else if (labels.isPresent()) {
                labels.get().counts().forEach((k, v) -> counts.merge(k, v, Long::sum));
                error = sum(error, labels.get().maxError());
            } else {
                if (values == null) {
                    continue;
                }
                if (values.categorical() == null) {
                    error = Long.MAX_VALUE;
                    continue;
                }
                for (ValueCount value : values.categorical().values()) {
                    counts.merge(value.value(), value.count(), Long::sum);
                }
                error = sum(error, values.categorical().maxError());
            }
        }
        return new ReferenceTags(counts, error, hasColumn);
    }

    private static long sum(long a, long b) {
        return a == Long.MAX_VALUE || b == Long.MAX_VALUE ? Long.MAX_VALUE : a + b;
    }

    boolean complete() {
        return error == 0;
    }
}
