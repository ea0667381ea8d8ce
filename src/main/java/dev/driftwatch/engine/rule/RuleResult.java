package dev.driftwatch.engine.rule;

import java.util.List;
import java.util.Objects;

/**
 * The result of one rule on one target (a column of a split, or the whole snapshot).
 *
 * @param rule      the rule's name, unique in its rules file
 * @param kind      the rule kind ({@code missing_values}, ...)
 * @param severity  from the rule
 * @param status    pass, warn, fail, error when the rule could not be evaluated, or skipped when it had nothing
 *                  to compare with yet (no reference snapshot)
 * @param column    the column the result is about, or null
 * @param split     the split the result is about, or null
 * @param observed  the measured value (e.g. a ratio), or null when there is none
 * @param threshold the limit it was held to, or null
 * @param message   one sentence a person understands
 * @param evidence  a few rows that show the problem
 * @param check     which measurement of its rule this is, where a rule makes several on one column: the drift
 *                  method id of {@code distribution_shift} ({@code ks}, {@code psi}, ..., {@code oov}), the check
 *                  of {@code unseen_tags} ({@code out_of_vocabulary}, {@code rare}, {@code new}), of {@code new_categories}
 *                  ({@code new}, {@code disappeared}); else null
 * @param measure   for {@code distribution_shift}, the statistic, p-value and distance, each named; else null.
 *                  {@code observed} is then the quantity judged against {@code threshold}, higher meaning more
 *                  drift: the distance of an effect size, 1 - the adjusted p-value of a test
 */
public record RuleResult(String rule, String kind, Severity severity, Status status, String column, String split,
                         Double observed, Double threshold, String message, List<Evidence> evidence, String check,
                         DriftMeasure measure, ExpectedRange expected) {
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A result without an {@link #expected()} range. */
    public RuleResult(String rule, String kind, Severity severity, Status status, String column, String split,
                      Double observed, Double threshold, String message, List<Evidence> evidence, String check,
                      DriftMeasure measure) {
        this(rule, kind, severity, status, column, split, observed, threshold, message, evidence, check, measure, null);
    }

    /** A result without a {@link #measure()}. */
    public RuleResult(String rule, String kind, Severity severity, Status status, String column, String split,
                      Double observed, Double threshold, String message, List<Evidence> evidence, String check) {
        this(rule, kind, severity, status, column, split, observed, threshold, message, evidence, check, null);
    }

    /** A result that is the only measurement of its rule on its target (no {@link #check()}). */
    public RuleResult(String rule, String kind, Severity severity, Status status, String column, String split,
                      Double observed, Double threshold, String message, List<Evidence> evidence) {
        this(rule, kind, severity, status, column, split, observed, threshold, message, evidence, null);
    }

    /** This result, named as the given measurement of its rule. */
    public RuleResult withCheck(String measurement) {
        return new RuleResult(rule, kind, severity, status, column, split, observed, threshold, message, evidence,
                measurement, measure, expected);
    }

    /** This result with what a drift method measured. */
    public RuleResult withMeasure(DriftMeasure driftMeasure) {
        return new RuleResult(rule, kind, severity, status, column, split, observed, threshold, message, evidence,
                check, driftMeasure, expected);
    }

    /** This result with at most {@code maxEvidence} of its evidence rows, the first ones. */
    public RuleResult withEvidenceLimit(int maxEvidence) {
        return evidence.size() <= maxEvidence ? this : new RuleResult(rule, kind, severity, status, column, split, observed,
                threshold, message, evidence.subList(0, maxEvidence), check, measure, expected);
    }

    /** A result for a rule that could not be evaluated: never a silent pass. */
    public static RuleResult error(Rule rule, String column, String split, String reason) {
        String sentence = reason.endsWith(".") ? reason : reason + ".";
        return new RuleResult(rule.name(), rule.kind(), rule.severity(), Status.ERROR, column, split, null, null,
                sentence, List.of());
    }

    /**
     * A result for a comparison that has nothing to compare with yet (a dataset's first snapshot): neither a
     * pass nor a problem; it does not block the gate and does not alert.
     */
    public static RuleResult skipped(Rule rule, String column, String split, String reason) {
        String sentence = reason.endsWith(".") ? reason : reason + ".";
        return new RuleResult(rule.name(), rule.kind(), rule.severity(), Status.SKIPPED, column, split, null, null,
                sentence, List.of());
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
