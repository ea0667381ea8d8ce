package dev.driftwatch.app.storage;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import java.util.ArrayList;
import java.util.List;

/** The headline figures of a profile stored as rows: rows per split; missing ratio, missing and distinct per column. */
final class ProfileFigures {
    /** The split name of figures about the whole snapshot. */
    static final String ALL = "*";

    private ProfileFigures() {
    }

    static List<ProfileMetricRow> of(Long runId, SnapshotProfile profile) {
        List<ProfileMetricRow> rows = new ArrayList<>();
        rows.add(new ProfileMetricRow(null, runId, ALL, null, "rows", profile.rows()));
        if (profile.reads() != null) {
            rows.add(new ProfileMetricRow(null, runId, ALL, null, "rows_rejected", profile.reads().rowsRejected()));
        }
        for (SplitProfile split : profile.splits().values()) {
            rows.add(new ProfileMetricRow(null, runId, split.split(), null, "rows", split.rows()));
            for (ColumnProfile column : split.columns().values()) {
                rows.add(new ProfileMetricRow(null, runId, split.split(), column.column(), "missing_ratio",
                        column.missingRatio()));
                rows.add(new ProfileMetricRow(null, runId, split.split(), column.column(), "missing", column.missing()));
                rows.add(new ProfileMetricRow(null, runId, split.split(), column.column(), "distinct", column.distinct()));
            }
        }
        return rows;
    }
}
