package dev.driftwatch.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.spec.kinds.*;

/**
 * One entry of a rules file's {@code rules:} list, as written; {@code kind} picks the record.
 * Each kind is one record in {@code spec.kinds} that turns itself into an engine {@link Rule}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MissingValuesDocument.class, name = "missing_values"),
        @JsonSubTypes.Type(value = DuplicateRowsDocument.class, name = "duplicate_rows"),
        @JsonSubTypes.Type(value = ConflictingLabelsDocument.class, name = "conflicting_labels"),
        @JsonSubTypes.Type(value = SplitLeakageDocument.class, name = "split_leakage"),
        @JsonSubTypes.Type(value = UnseenTagsDocument.class, name = "unseen_tags"),
        @JsonSubTypes.Type(value = DistributionShiftDocument.class, name = "distribution_shift"),
        @JsonSubTypes.Type(value = RowCountDocument.class, name = "row_count"),
        @JsonSubTypes.Type(value = ClassBalanceDocument.class, name = "class_balance"),
        @JsonSubTypes.Type(value = SplitStratificationDocument.class, name = "split_stratification"),
        @JsonSubTypes.Type(value = InconsistentValuesDocument.class, name = "inconsistent_values"),
        @JsonSubTypes.Type(value = ValueRangeDocument.class, name = "value_range"),
        @JsonSubTypes.Type(value = OutliersDocument.class, name = "outliers"),
        @JsonSubTypes.Type(value = TypeConsistencyDocument.class, name = "type_consistency"),
        @JsonSubTypes.Type(value = FreshnessDocument.class, name = "freshness"),
        @JsonSubTypes.Type(value = TargetLeakageDocument.class, name = "target_leakage"),
        @JsonSubTypes.Type(value = NewCategoriesDocument.class, name = "new_categories"),
        @JsonSubTypes.Type(value = AnomalyDocument.class, name = "anomaly"),
})
public interface RuleDocument {
    /** The rule's name; unique in its file. */
    String name();

    /** Builds the engine rule; throws IllegalArgumentException naming the offending key. */
    Rule toRule();
}
