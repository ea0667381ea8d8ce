package dev.driftwatch.app.storage;

import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/** Stored datasets. Dialect-neutral: {@link H2Repositories} and {@link PostgresRepositories} bind it. */
public interface DatasetRepository extends CrudRepository<DatasetRow, Long> {
    Optional<DatasetRow> findByName(String name);
}
