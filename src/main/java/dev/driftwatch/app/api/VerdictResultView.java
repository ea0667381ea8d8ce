package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One rule result in a verdict (the CI gate): as {@link ResultView}, without evidence.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VerdictResultView(String rule, String kind, String severity, String status, @Nullable String column,
                                @Nullable String split, @Nullable Double observed, @Nullable Double threshold,
                                String message) {
}
