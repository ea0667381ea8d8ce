package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The history of one figure of a dataset's stored profiles: its successful runs' values, oldest first in the order
 * runs compare snapshots. What {@code driftwatch check --server} reads for {@code anomaly} rules.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryView(String dataset, String metric, @Nullable String split, @Nullable String column,
                          @Nullable String value, List<Point> points) {
    /** @param time the snapshot's time, ISO-8601 */
    @Serdeable
    public record Point(String snapshot, String time, double value) {
    }
}
