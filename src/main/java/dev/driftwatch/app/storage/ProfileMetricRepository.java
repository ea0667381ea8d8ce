package dev.driftwatch.app.storage;

import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Stored headline figures of profiles. Dialect-neutral. */
public interface ProfileMetricRepository extends CrudRepository<ProfileMetricRow, Long> {
    List<ProfileMetricRow> findByRunId(Long runId);
}
