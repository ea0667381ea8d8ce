package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * A stored snapshot version with its provenance and latest run (null if never run). {@code bytes} is the size
 * of its data files; {@code fingerprint} the SHA-256 of the content its latest successful run read (null before
 * one); {@code version} its version key (name, relative paths, sizes and modification times).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SnapshotView(long id, String name, @Nullable String fingerprint, String path, long bytes,
                           @Nullable String modifiedAt, String discoveredAt, Map<String, String> producer,
                           @Nullable RunSummaryView latestRun, @Nullable String version) {
}
