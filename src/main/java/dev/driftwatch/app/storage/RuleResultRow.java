package dev.driftwatch.app.storage;

import dev.driftwatch.engine.rule.DriftMeasure;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.ExpectedRange;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.Status;
import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A stored rule result ({@link dev.driftwatch.engine.rule.RuleResult}); {@code position} keeps the report's order.
 *
 * @param evidence  the evidence rows as a JSON array (text)
 * @param checkName {@link dev.driftwatch.engine.rule.RuleResult#check()}, or null
 * @param driftStatistic ... {@code driftError}: the result's {@link DriftMeasure} (its method is {@code checkName}),
 *                  all null for other results; a drift result stored before them keeps only its adjusted p-value
 * @param expectedLower ... {@code expectedUpper}: an anomaly result's {@link ExpectedRange}, null for an unbounded end;
 *                  both null when the result has no range
 */
@MappedEntity("rule_results")
public record RuleResultRow(@Id @GeneratedValue @Nullable Long id, Long runId, int position, String ruleName,
                            String kind, String severity, String status, @Nullable String columnName,
                            @Nullable String splitName, @Nullable Double observed, @Nullable Double threshold,
                            String message, String evidence, @Nullable String checkName,
                            @Nullable Double driftStatistic, @MappedProperty("drift_p_value") @Nullable Double driftPValue,
                            @MappedProperty("drift_adjusted_p_value") @Nullable Double driftAdjustedPValue,
                            @Nullable Double driftDistance,
                            @Nullable Boolean driftExact, @Nullable Double driftError,
                            @Nullable Double expectedLower, @Nullable Double expectedUpper) {

    /** The engine's result again, evidence and drift measure included. */
    public RuleResult toResult() {
        return new RuleResult(ruleName, kind, Severity.of(severity), Status.valueOf(status.toUpperCase(Locale.ROOT)),
                columnName, splitName, observed, threshold, message, StoredJson.readList(evidence, Evidence.class),
                checkName, measure(), expected());
    }

    /** The expected range, or null when none was stored. */
    public ExpectedRange expected() {
        if (expectedLower == null && expectedUpper == null) {
            return null;
        }
        return new ExpectedRange(expectedLower == null ? Double.NEGATIVE_INFINITY : expectedLower,
                expectedUpper == null ? Double.POSITIVE_INFINITY : expectedUpper);
    }

    /** The drift measure, or null when none was stored. */
    public DriftMeasure measure() {
        if (driftStatistic == null || driftDistance == null || checkName == null) {
            return null;
        }
        boolean test = driftPValue != null && driftAdjustedPValue != null;
        return new DriftMeasure(checkName, driftStatistic, test ? driftPValue : null, test ? driftAdjustedPValue : null,
                driftDistance, Boolean.TRUE.equals(driftExact), Boolean.TRUE.equals(driftExact) ? null : driftError);
    }
}
