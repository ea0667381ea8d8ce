package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.driftwatch.engine.rule.DriftMeasure;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a distribution_shift result measured ({@link DriftMeasure}): the statistic, the p-value and adjusted
 * p-value of a test (null for effect sizes), the distance (higher is more drift), whether it is exact, and an
 * estimate's error bound (null when exact or unknown).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MeasureView(String method, double statistic, @Nullable Double pValue, @Nullable Double adjustedPValue,
                          double distance, boolean exact, @Nullable Double error) {
    static MeasureView of(DriftMeasure measure) {
        return measure == null ? null : new MeasureView(measure.method(), measure.statistic(), measure.pValue(),
                measure.adjustedPValue(), measure.distance(), measure.exact(), measure.error());
    }
}
