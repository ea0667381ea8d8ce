package dev.driftwatch.engine.rule.tags;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.ValueCount;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tags of a reference profile, summed over its splits: from its tag or label summary (complete
 * while exact), else from the column's top values (complete only when that list was not cut).
 *
 * @param counts    rows per tag
 * @param hasColumn false when no row of the reference has the column (every value absent or null)
 */
record ReferenceTags(Map<String, Long> counts, boolean complete, boolean hasColumn) {
    /** Top lists of this length may have been cut. */
    static final int TOP_LIST = 20;

    static ReferenceTags of(SnapshotProfile profile, String column) {
        Map<String, Long> counts = new TreeMap<>();
        boolean complete = true;
        boolean hasColumn = false;
        for (var split : profile.splits().values()) {
            var tags = split.tags().filter(t -> t.column().equals(column));
            var labels = split.labels().filter(l -> l.column().equals(column));
            ColumnProfile values = split.columns().get(column);
            hasColumn |= values != null && values.count() > values.missingByReason().getOrDefault("null", 0L);
            if (tags.isPresent()) {
                tags.get().frequencies().forEach(v -> counts.merge(v.value(), v.count(), Long::sum));
                complete &= tags.get().exact();
            } else if (labels.isPresent()) {
                labels.get().counts().forEach((k, v) -> counts.merge(k, v, Long::sum));
                complete &= labels.get().exact();
            } else {
                if (values == null) {
                    continue;
                }
                for (ValueCount value : values.topValues()) {
                    counts.merge(value.value(), value.count(), Long::sum);
                }
                complete &= values.topValues().size() < TOP_LIST;
            }
        }
        return new ReferenceTags(counts, complete, hasColumn);
    }
}
