package dev.driftwatch.engine.profile;

import com.carrotsearch.hppc.cursors.LongLongCursor;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.thetacommon.BinomialBoundsN;

/**
 * Counts the words of a text that a reference text lacks, from their {@link WordVocabulary vocabularies}.
 *
 * <p>Both complete: the words kept on both sides at the larger of their shifts are compared exactly. With shift 0
 * that is every word, and the counts are exact. With a shift s, each distinct word was kept with probability
 * p = 2^-s, independently of its count (by its hash), so the unseen occurrences among the kept words, divided by p,
 * estimate all unseen occurrences (Horvitz-Thompson), with variance (1 - p) / p² · Σ count² over the unseen kept words;
 * the bounds are three standard deviations, never below the unseen occurrences actually found nor above the
 * occurrences not found in the reference. The distinct unseen words use DataSketches' binomial bounds of a Theta
 * sketch, and the upper occurrence bound is at least that many words of their average count, or, when fewer than
 * {@value #FEW} unseen words were kept, of the average count of all kept words of the text (their own average then
 * says little).
 *
 * <p>A side read from a profile stored before vocabularies were kept, with more words than its counts held exactly:
 * the old comparison against its tracked (most frequent) words gives an upper bound, and the lower bound is 0.
 * Stateless.
 */
final class UnseenWordCount {
    private static final int STANDARD_DEVIATIONS = 3;
    private static final int EXAMPLES = 5;
    private static final int FEW = 30;

    private UnseenWordCount() {
    }

    static UnseenWords of(WordVocabulary current, FrequencyCounter currentWords, WordVocabulary reference,
                          FrequencyCounter referenceWords) {
        if (!current.complete() || !reference.complete()) {
            return fromFrequentWords(current, currentWords, referenceWords);
        }
        int shift = Math.max(current.shift(), reference.shift());
        long unseen = 0;
        long seen = 0;
        long distinct = 0;
        long kept = 0;
        double squares = 0;
        for (LongLongCursor word : current.words()) {
            if (!WordVocabulary.kept(word.key, shift)) {
                continue;
            }
            kept++;
            if (reference.contains(word.key)) {
                seen += word.value;
            } else {
                unseen += word.value;
                distinct++;
                squares += (double) word.value * word.value;
            }
        }
        List<ValueCount> examples = examples(current, currentWords, reference, shift);
        long total = current.total();
        if (shift == 0) {
            return new UnseenWords(Figure.exact(unseen), Figure.exact(distinct), total, examples,
                    UnseenWords.Basis.EXACT, 0);
        }
        double p = Math.scalb(1.0, -shift);
        Figure words = Figure.estimate(Math.round(distinct / p),
                Math.max(distinct, (long) Math.floor(BinomialBoundsN.getLowerBound(distinct, p, STANDARD_DEVIATIONS, false))),
                (long) Math.ceil(BinomialBoundsN.getUpperBound(distinct, p, STANDARD_DEVIATIONS, false)));
        double estimate = unseen / p;
        double spread = STANDARD_DEVIATIONS * Math.sqrt((1 - p) * squares) / p;
        double perWord = Math.max(distinct == 0 ? 1 : (double) unseen / distinct,
                distinct >= FEW || kept == 0 ? 0 : (double) (unseen + seen) / kept);
        long most = total - seen;
        long upper = Math.min(most, (long) Math.ceil(Math.max(estimate + spread, perWord * words.upper())));
        long lower = Math.min(upper, Math.max(unseen, (long) Math.floor(estimate - spread)));
        long value = Math.max(lower, Math.min(upper, Math.round(estimate)));
        return new UnseenWords(Figure.estimate(value, lower, upper), words, total, examples,
                UnseenWords.Basis.SAMPLED, shift);
    }

    /**
     * The most frequent words among those the current side's word counts track (the only words it has as text) whose
     * absence from the reference is certain, with their exact counts.
     */
    private static List<ValueCount> examples(WordVocabulary current, FrequencyCounter currentWords,
                                             WordVocabulary reference, int shift) {
        List<ValueCount> examples = new ArrayList<>();
        for (ValueCount word : currentWords.top(Integer.MAX_VALUE)) {
            long hash = StringHash.of(word.value());
            long count = current.count(hash);
            if (WordVocabulary.kept(hash, shift) && count > 0 && !reference.contains(hash)) {
                examples.add(new ValueCount(word.value(), count));
            }
        }
        examples.sort(java.util.Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return examples.subList(0, Math.min(EXAMPLES, examples.size()));
    }

    /** An older reference keeps its most frequent words only: a word it lacks may still be one of its rare words. */
    private static UnseenWords fromFrequentWords(WordVocabulary current, FrequencyCounter currentWords,
                                                 FrequencyCounter referenceWords) {
        boolean currentExact = current.exact();
        long total = current.total();
        long known = 0;
        for (ValueCount word : referenceWords.top(Integer.MAX_VALUE)) {
            long hash = StringHash.of(word.value());
            known += currentExact ? current.count(hash) : currentWords.estimate(hash);
        }
        long possible = Math.max(0, total - known);
        long possibleWords = 0;
        if (currentExact) {
            for (LongLongCursor word : current.words()) {
                possibleWords += referenceWords.estimate(word.key) == 0 ? 1 : 0;
            }
        }
        return new UnseenWords(Figure.estimate(possible, 0, currentExact ? possible : total),
                Figure.estimate(possibleWords, 0, currentExact ? possibleWords : Long.MAX_VALUE), total, List.of(),
                UnseenWords.Basis.FREQUENT_WORDS, 0);
    }
}
