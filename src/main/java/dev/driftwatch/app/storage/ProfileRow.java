package dev.driftwatch.app.storage;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * The profile of a run's snapshot.
 *
 * @param runId   the run (one profile per run)
 * @param summary the profile as JSON, for people and the API
 * @param codec   the name of the codec that wrote {@code state}
 * @param state   the profile as bytes ({@link dev.driftwatch.engine.profile.ProfileCodec}) that read back into a reference profile
 */
@MappedEntity("profiles")
public record ProfileRow(@Id Long runId, String summary, String codec, byte[] state) {
}
