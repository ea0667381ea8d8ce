package dev.driftwatch.engine.profile;

import java.util.List;
import java.util.Objects;

/**
 * The words of a text that its reference text never uses ({@link TextSummary#unseenWords(TextSummary)}): exact
 * while both vocabularies are ({@link Basis#EXACT}), else estimated within bounds. Immutable.
 *
 * @param occurrences word occurrences of the text whose word the reference lacks (what an out-of-vocabulary rate
 *                    counts)
 * @param words       distinct such words
 * @param total       word occurrences of the text (exact)
 * @param examples    some such words with their occurrences, most frequent first (at most 5; words whose absence is
 *                    certain)
 * @param basis       how the figures were obtained
 * @param shift       for {@link Basis#SAMPLED}: 1 in 2^shift of the distinct words were compared; else 0
 */
public record UnseenWords(Figure occurrences, Figure words, long total, List<ValueCount> examples, Basis basis,
                          int shift) {
    /** How unseen words were counted. */
    public enum Basis {
        /** Every word of both sides was compared. */
        EXACT,
        /**
         * A side had more distinct words than its vocabulary keeps exactly: the words of a hash sample (the same
         * words on both sides) were compared exactly and scaled up; the bounds are three standard deviations.
         */
        SAMPLED,
        /**
         * A side comes from a profile stored before vocabularies were kept (format 2 or older) and had more distinct
         * words than its word counts keep exactly: a word it seems to lack may be one of its rare words, so no word
         * is certainly unseen (lower bound 0).
         */
        FREQUENT_WORDS
    }

    public UnseenWords {
        Objects.requireNonNull(occurrences, "occurrences");
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(basis, "basis");
        examples = List.copyOf(examples);
        if (occurrences.upper() > total) {
            throw new IllegalArgumentException("expected at most " + total + " unseen occurrences but found "
                    + occurrences.upper());
        }
    }

    public boolean exact() {
        return basis == Basis.EXACT;
    }

    /** {@code occurrences} over {@code total} (0 for no words). */
    public double rate() {
        return share(occurrences.value());
    }

    /** The lowest rate the bounds allow. */
    public double lowerRate() {
        return share(occurrences.lower());
    }

    /** The highest rate the bounds allow. */
    public double upperRate() {
        return share(occurrences.upper());
    }

    private double share(long count) {
        return total == 0 ? 0 : (double) count / total;
    }
}
