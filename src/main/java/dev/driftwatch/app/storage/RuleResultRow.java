package dev.driftwatch.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A stored rule result ({@link dev.driftwatch.engine.rule.RuleResult}); {@code position} keeps the report's order.
 *
 * @param evidence the evidence rows as a JSON array (text)
 */
@MappedEntity("rule_results")
public record RuleResultRow(@Id @GeneratedValue @Nullable Long id, Long runId, int position, String ruleName,
                            String kind, String severity, String status, @Nullable String columnName,
                            @Nullable String splitName, @Nullable Double observed, @Nullable Double threshold,
                            String message, String evidence) {
}
