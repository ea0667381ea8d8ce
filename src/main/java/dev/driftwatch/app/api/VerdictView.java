package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The latest verdict of a dataset for the CI gate: {@code blocksGate} is true when an error-severity
 * rule did not pass or the run failed ({@code status} {@code error}, no results).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VerdictView(String dataset, long runId, @Nullable String snapshot, String status, boolean blocksGate,
                          List<VerdictResultView> results) {
}
