package dev.driftwatch.app.storage;

import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Stored rule results. Dialect-neutral. */
public interface RuleResultRepository extends CrudRepository<RuleResultRow, Long> {
    List<RuleResultRow> findByRunIdOrderByPositionAsc(Long runId);
}
