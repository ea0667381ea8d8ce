package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.profile.Figure;
import dev.driftwatch.engine.profile.TextSummary;
import dev.driftwatch.engine.profile.UnseenWords;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.RuleResult;
import java.util.List;
import java.util.Optional;

/**
 * The {@code oov} check of {@code distribution_shift} on a text column: the share of a split's word occurrences whose
 * word the reference never uses ({@link TextSummary#unseenWords}). Exact while both vocabularies are; when estimated,
 * the message says so with the bounds, and the verdict and the observed value use the lowest rate the bounds allow,
 * so the sketch's own error never fails a rule. Stateless.
 */
final class OutOfVocabularyCheck {
    private OutOfVocabularyCheck() {
    }

    static RuleResult judge(DistributionShiftRule rule, String column, String split, Optional<TextSummary> reference,
                            Optional<TextSummary> current, String against) {
        String target = column + ":oov";
        if (reference.isEmpty() || current.isEmpty()) {
            return RuleResult.error(rule, target, split, "expected word counts of text column " + column
                    + " on both sides (declare it under columns.text or columns.inputs) but found none");
        }
        UnseenWords unseen = current.get().unseenWords(reference.get());
        double judged = unseen.lowerRate();
        boolean drifted = judged > rule.maxOovRate();
        String message = column + " in " + split + ": " + finding(unseen, against)
                + (drifted ? "; at most " + Ratios.percent(rule.maxOovRate()) + " allowed." : ".");
        List<Evidence> evidence = unseen.examples().stream()
                .map(w -> Evidence.of("word", w.value(), "count", String.valueOf(w.count())))
                .toList();
        return RuleResult.judged(rule, drifted, target, split, judged, rule.maxOovRate(), message, evidence)
                .withCheck("oov");
    }

    private static String finding(UnseenWords unseen, String against) {
        Figure occurrences = unseen.occurrences();
        long total = unseen.total();
        return switch (unseen.basis()) {
            case EXACT -> Ratios.share(occurrences.value(), total) + " words never occur in " + against + " ("
                    + distinct(unseen.words()) + ")";
            case SAMPLED -> occurrences.text() + " of " + Ratios.count(total) + " words (" + Ratios.percent(unseen.rate())
                    + ", at least " + Ratios.percent(unseen.lowerRate()) + ") do not occur in " + against + " ("
                    + distinct(unseen.words()) + "), estimated from 1 in " + Ratios.count(1L << unseen.shift())
                    + " of the distinct words, as a side has more than " + Ratios.count(TextSummary.EXACT_WORDS) + " of them"
                    + "; the verdict uses the lowest rate, " + Ratios.percent(unseen.lowerRate());
            case FREQUENT_WORDS -> (occurrences.upper() == occurrences.value() ? "at most " : "about ")
                    + Ratios.share(occurrences.value(), total) + " words may not occur in " + against
                    + ", whose profile was stored before exact vocabularies and counts only its most frequent words, "
                    + "so none is certainly unseen and the verdict uses 0%";
        };
    }

    private static String distinct(Figure words) {
        return words.text() + " distinct word" + (words.value() == 1 && words.exact() ? "" : "s");
    }
}
