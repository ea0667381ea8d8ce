package dev.driftwatch.engine.rule.tags;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.ValueCount;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tags of a reference profile, summed over its splits. The profile keeps the most frequent
 * values of a column only (its top list), so the set is {@code complete} only when that list was not cut.
 *
 * @param counts rows per tag
 */
record ReferenceTags(Map<String, Long> counts, boolean complete) {
    /** Top lists of this length may have been cut. */
    static final int TOP_LIST = 20;

    static ReferenceTags of(SnapshotProfile profile, String column) {
        Map<String, Long> counts = new TreeMap<>();
        boolean complete = true;
        for (var split : profile.splits().values()) {
            ColumnProfile c = split.columns().get(column);
            if (c == null) {
                continue;
            }
            for (ValueCount value : c.topValues()) {
                counts.merge(value.value(), value.count(), Long::sum);
            }
            complete &= c.topValues().size() < TOP_LIST;
        }
        return new ReferenceTags(counts, complete);
    }
}
