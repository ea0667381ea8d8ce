package dev.driftwatch.app.storage;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.Status;
import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A stored rule result ({@link dev.driftwatch.engine.rule.RuleResult}); {@code position} keeps the report's order.
 *
 * @param evidence  the evidence rows as a JSON array (text)
 * @param checkName {@link dev.driftwatch.engine.rule.RuleResult#check()}, or null
 */
@MappedEntity("rule_results")
public record RuleResultRow(@Id @GeneratedValue @Nullable Long id, Long runId, int position, String ruleName,
                            String kind, String severity, String status, @Nullable String columnName,
                            @Nullable String splitName, @Nullable Double observed, @Nullable Double threshold,
                            String message, String evidence, @Nullable String checkName) {

    /** The engine's result again, evidence included. */
    public RuleResult toResult() {
        return new RuleResult(ruleName, kind, Severity.of(severity), Status.valueOf(status.toUpperCase(Locale.ROOT)),
                columnName, splitName, observed, threshold, message, StoredJson.readList(evidence, Evidence.class),
                checkName);
    }
}
