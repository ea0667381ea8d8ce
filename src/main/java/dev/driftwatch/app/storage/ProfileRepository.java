package dev.driftwatch.app.storage;

import io.micronaut.data.repository.CrudRepository;

/** Stored profiles, by run id. Dialect-neutral. */
public interface ProfileRepository extends CrudRepository<ProfileRow, Long> {
}
