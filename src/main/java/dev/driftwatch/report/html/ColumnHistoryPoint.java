package dev.driftwatch.report.html;

import dev.driftwatch.engine.profile.ColumnProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One column in one snapshot's latest successful run, for the column's history charts.
 *
 * @param splits the column's profile in each split of the snapshot (absent where the snapshot lacks the column)
 * @param drift  the drift the run observed for the column, by series name ("ks in test"), higher meaning more drift
 */
public record ColumnHistoryPoint(String snapshot, Map<String, ColumnProfile> splits, Map<String, Double> drift) {
    public ColumnHistoryPoint {
        Objects.requireNonNull(snapshot, "snapshot");
        splits = Collections.unmodifiableMap(new LinkedHashMap<>(splits));
        drift = Collections.unmodifiableMap(new LinkedHashMap<>(drift));
    }

    /** The missing share over every split, or null when no split has the column. */
    public Double missingShare() {
        long count = splits.values().stream().mapToLong(ColumnProfile::count).sum();
        long missing = splits.values().stream().mapToLong(ColumnProfile::missing).sum();
        return count == 0 ? null : (double) missing / count;
    }
}
