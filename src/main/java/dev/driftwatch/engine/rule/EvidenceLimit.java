package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.spill.MemoryBudget;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule whose results keep at most {@code maxEvidence} evidence rows each: {@code max_evidence} for the kinds
 * that do not pick their evidence with a limit of their own. Everything else is the wrapped rule's.
 *
 * @param maxEvidence at least 0
 */
public record EvidenceLimit(Rule rule, int maxEvidence) implements Rule {
    public EvidenceLimit {
        Objects.requireNonNull(rule, "rule");
        if (maxEvidence < 0) {
            throw new IllegalArgumentException("max_evidence: expected 0 or more but found " + maxEvidence);
        }
    }

    @Override
    public String name() {
        return rule.name();
    }

    @Override
    public String kind() {
        return rule.kind();
    }

    @Override
    public Severity severity() {
        return rule.severity();
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
        return rule.newRowCheck(dataset);
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset, VocabularyLookup vocabulary) {
        return rule.newRowCheck(dataset, vocabulary);
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset, VocabularyLookup vocabulary, MemoryBudget rowMemory) {
        return rule.newRowCheck(dataset, vocabulary, rowMemory);
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        return rule.evaluate(context, rowCheck).stream().map(result -> result.withEvidenceLimit(maxEvidence)).toList();
    }
}
