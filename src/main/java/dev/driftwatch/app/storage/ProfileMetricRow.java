package dev.driftwatch.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One headline figure of a run's profile, for history queries without decoding profiles.
 *
 * @param columnName  null for a figure of the whole split (e.g. {@code rows})
 * @param metric      {@code rows}, {@code missing_ratio}, {@code distinct}, {@code rows_rejected}, ...
 */
@MappedEntity("profile_metrics")
public record ProfileMetricRow(@Id @GeneratedValue @Nullable Long id, Long runId, String splitName,
                               @Nullable String columnName, String metric, double metricValue) {
}
