package dev.driftwatch.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A stored dataset: one row per dataset name ever declared. {@code id} is null until saved. */
@MappedEntity("datasets")
public record DatasetRow(@Id @GeneratedValue @Nullable Long id, String name, String rulesFile, Instant createdAt) {
}
