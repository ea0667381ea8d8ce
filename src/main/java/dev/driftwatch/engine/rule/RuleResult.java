package dev.driftwatch.engine.rule;

import java.util.List;
import java.util.Objects;

/**
 * The result of one rule on one target (a column of a split, or the whole snapshot).
 *
 * @param rule      the rule's name, unique in its rules file
 * @param kind      the rule kind ({@code missing_values}, ...)
 * @param severity  from the rule
 * @param status    pass, warn, fail, or error when the rule could not be evaluated
 * @param column    the column the result is about, or null
 * @param split     the split the result is about, or null
 * @param observed  the measured value (e.g. a ratio), or null when there is none
 * @param threshold the limit it was held to, or null
 * @param message   one sentence a person understands
 * @param evidence  a few rows that show the problem
 */
public record RuleResult(String rule, String kind, Severity severity, Status status, String column, String split,
                         Double observed, Double threshold, String message, List<Evidence> evidence) {
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A result for a rule that could not be evaluated: never a silent pass. */
    public static RuleResult error(Rule rule, String column, String split, String reason) {
        return new RuleResult(rule.name(), rule.kind(), rule.severity(), Status.ERROR, column, split, null, null,
                reason, List.of());
    }

    /** A result of a rule that could be evaluated: {@code violated} picks the rule's failing status, else pass. */
    public static RuleResult judged(Rule rule, boolean violated, String column, String split, Double observed,
                                    Double threshold, String message, List<Evidence> evidence) {
        return new RuleResult(rule.name(), rule.kind(), rule.severity(),
                violated ? rule.severity().violated() : Status.PASS, column, split, observed, threshold, message,
                violated ? evidence : List.of());
    }

    /** True when this result stops the CI gate: an error-severity rule that did not pass. */
    public boolean blocksGate() {
        return severity == Severity.ERROR && (status == Status.FAIL || status == Status.ERROR);
    }
}
