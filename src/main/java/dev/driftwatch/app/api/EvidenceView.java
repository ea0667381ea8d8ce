package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * A row that shows why a rule failed: file, line (0 when unknown), row id (or null) and the offending
 * values.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EvidenceView(@Nullable String source, long line, @Nullable String id, Map<String, String> values) {
}
