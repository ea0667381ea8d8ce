package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A declared dataset: its rules file, or the error that keeps it from being watched ({@code
 * rulesError}), and its latest ended run (null if none). {@code interval} is the effective one,
 * ISO-8601 ({@code PT30S}); source, interval and reference are null for a broken rules file.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DatasetView(String name, String rulesFile, @Nullable String source, @Nullable String interval,
                          @Nullable String reference, List<String> rules, @Nullable String rulesError,
                          @Nullable RunSummaryView latestRun) {
}
