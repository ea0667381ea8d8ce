package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * A stored snapshot with its provenance and latest run (null if never run). {@code bytes} is the size
 * of its data files.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SnapshotView(long id, String name, String fingerprint, String path, long bytes,
                           @Nullable String modifiedAt, String discoveredAt, Map<String, String> producer,
                           @Nullable RunSummaryView latestRun) {
}
