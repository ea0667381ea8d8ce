package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One rule result of a run; {@code observed} and {@code threshold} are null when there are none; {@code check}
 * names the measurement (drift method, unseen-tags check) of rules that make several on one column, else null;
 * {@code measure} names what a distribution_shift result measured, else null.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResultView(String rule, String kind, String severity, String status, @Nullable String column,
                         @Nullable String split, @Nullable String check, @Nullable Double observed,
                         @Nullable Double threshold, String message, List<EvidenceView> evidence,
                         @Nullable MeasureView measure) {
}
