package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A run in a list: status is {@code running}, {@code succeeded} or {@code failed}; outcome the worst
 * rule status ({@code pass}, {@code warn}, {@code fail}, {@code error}), null unless it succeeded.
 * Times are ISO-8601 instants; {@code startedBy} is the caller whose token started it through the API, or null.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunSummaryView(long id, @Nullable String snapshot, String trigger, @Nullable String startedBy, String status,
                             @Nullable String outcome, boolean blocksGate, String startedAt,
                             @Nullable String finishedAt, @Nullable String error) {
}
