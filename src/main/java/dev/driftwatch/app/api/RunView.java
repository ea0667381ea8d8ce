package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A run with its results. Times are ISO-8601 instants; {@code reference} is the snapshot it was
 * compared with, or null; {@code startedBy} the caller whose token started it through the API, or null (the schedule).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunView(long id, String dataset, @Nullable String snapshot, @Nullable String fingerprint,
                      @Nullable String reference, String trigger, @Nullable String startedBy, String status, @Nullable String outcome,
                      boolean blocksGate, String startedAt, @Nullable String finishedAt, @Nullable String error,
                      List<ResultView> results) {
}
