package dev.driftwatch.engine.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The multi-label tags of a split (column role {@code tags}): how many tags rows have, how often each tag
 * occurs (exact up to 10,000 distinct tags), the minimum-frequency cut, tags outside the declared
 * vocabulary, and the words of the inputs most distinctive for each frequent tag. Immutable once built.
 */
public final class TagSummary {
    /** Prior size (alpha0) of the informative Dirichlet prior of {@link #distinctiveWords(int, int)}. */
    public static final double PRIOR_SIZE = 1000;
    private static final int CANDIDATE_WORDS = 300;

    private final String column;
    private final long rows;
    private final Map<Integer, Long> tagsPerRow;
    private final FrequencyCounter tags;
    private final TagSettings settings;
    private final Map<String, FrequencyCounter> wordsByTag;
    private final FrequencyCounter background;

    TagSummary(String column, long rows, Map<Integer, Long> tagsPerRow, FrequencyCounter tags, TagSettings settings,
               Map<String, FrequencyCounter> wordsByTag, FrequencyCounter background) {
        this.column = column;
        this.rows = rows;
        this.tagsPerRow = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tagsPerRow));
        this.tags = tags;
        this.settings = settings;
        this.wordsByTag = wordsByTag;
        this.background = background;
    }

    public String column() {
        return column;
    }

    public long rows() {
        return rows;
    }

    /** Rows by their number of tags (0, 1, 2, ...; rows with 64 or more are counted at 64), ascending. */
    public Map<Integer, Long> tagsPerRow() {
        return tagsPerRow;
    }

    public double meanTagsPerRow() {
        return rows == 0 ? 0 : (double) total() / rows;
    }

    /** The tags counted in all rows (a row's repeats once), exact also when the counts of single tags are estimates. */
    public long total() {
        return tags.total();
    }

    /** Every tag with its row count, most frequent first, ties by name. */
    public List<ValueCount> frequencies() {
        return tags.top(Integer.MAX_VALUE);
    }

    /** Rows holding a tag (0 when absent). */
    public long count(String tag) {
        return tags.estimate(tag);
    }

    public boolean exact() {
        return tags.isExact();
    }

    /** The most a tag's row count may be overestimated by (0 when exact); a tag with at most this many rows may be missing. */
    public long maxError() {
        return tags.maxError();
    }

    /** Tag counts as figures: exact, or Misra-Gries estimates within {@link #maxError()}. */
    public List<CountFigure> figures(List<ValueCount> counts) {
        return CountFigure.of(counts, tags.maxError());
    }

    /** The declared minimum frequency (0 when none). */
    public int minFrequency() {
        return settings.minFrequency();
    }

    /** Tags (not excluded) below the minimum frequency, most frequent first: the ones the cut drops. */
    public List<ValueCount> belowCut() {
        return kept().stream().filter(t -> t.count() < settings.minFrequency()).toList();
    }

    /** The {@code n} least frequent tags that still reach the minimum frequency, least frequent first. */
    public List<ValueCount> justMadeCut(int n) {
        List<ValueCount> made = new ArrayList<>(kept().stream().filter(t -> t.count() >= settings.minFrequency()).toList());
        made.sort(Comparator.comparingLong(ValueCount::count).thenComparing(ValueCount::value));
        return List.copyOf(made.subList(0, Math.min(n, made.size())));
    }

    /** The {@code n} most frequent tags below the minimum frequency, most frequent first. */
    public List<ValueCount> justMissedCut(int n) {
        List<ValueCount> missed = belowCut();
        return List.copyOf(missed.subList(0, Math.min(n, missed.size())));
    }

    private List<ValueCount> kept() {
        return frequencies().stream().filter(t -> !settings.exclude().contains(t.value())).toList();
    }

    /** True when a vocabulary was declared and readable for this snapshot. */
    public boolean hasVocabulary() {
        return settings.canonical() != null;
    }

    /** The vocabulary tag a label stands for (itself or the tag it aliases); empty when unknown or no vocabulary. */
    public Optional<String> resolve(String tag) {
        return settings.canonical() == null ? Optional.empty() : Optional.ofNullable(settings.canonical().get(tag));
    }

    /** Tags outside the vocabulary after resolving aliases, excluded tags left out; empty without a vocabulary. */
    public List<ValueCount> outOfVocabulary() {
        if (!hasVocabulary()) {
            return List.of();
        }
        return kept().stream().filter(t -> !settings.canonical().containsKey(t.value())).toList();
    }

    /** Tag counts after resolving aliases (unknown tags kept as they are), most frequent first. */
    public List<ValueCount> resolvedFrequencies() {
        if (!hasVocabulary()) {
            return frequencies();
        }
        var resolved = new FrequencyCounter(Integer.MAX_VALUE);
        frequencies().forEach(t -> resolved.update(resolve(t.value()).orElse(t.value()), t.count()));
        return resolved.top(Integer.MAX_VALUE);
    }

    /**
     * For each of the {@code tags} most frequent tags whose words were tracked, the {@code words} words of
     * the inputs most distinctive for it: log-odds ratio of the word in rows with the tag against all
     * other rows, with an informative Dirichlet prior (Monroe et al. 2008, alpha_w = {@value #PRIOR_SIZE}
     * times the word's share of all words), ranked by z-score; words seen fewer than 3 times in the tag are skipped.
     *
     * @throws IllegalStateException when the run left the words of each tag out ({@link ProfileRequest.EdaOnly#TAG_WORDS})
     */
    public Map<String, List<WordScore>> distinctiveWords(int tags, int words) {
        if (wordsByTag == null) {
            throw new IllegalStateException("expected the words of each tag of column " + column
                    + " to be counted, but this run left them out");
        }
        Map<String, List<WordScore>> result = new LinkedHashMap<>();
        double total = background.total();
        for (ValueCount tag : frequencies()) {
            if (result.size() >= tags) {
                break;
            }
            FrequencyCounter inTag = wordsByTag.get(tag.value());
            if (inTag == null || total == 0) {
                continue;
            }
            double tagTotal = inTag.total();
            double restTotal = Math.max(0, total - tagTotal);
            List<WordScore> scores = new ArrayList<>();
            for (ValueCount word : inTag.top(CANDIDATE_WORDS)) {
                double all = Math.max(background.estimate(word.value()), word.count());
                double alpha = PRIOR_SIZE * all / total;
                double yi = word.count();
                double yj = Math.max(0, all - yi);
                double delta = Math.log((yi + alpha) / (tagTotal + PRIOR_SIZE - yi - alpha))
                        - Math.log((yj + alpha) / (restTotal + PRIOR_SIZE - yj - alpha));
                double z = delta / Math.sqrt(1 / (yi + alpha) + 1 / (yj + alpha));
                if (yi >= 3) {
                    scores.add(new WordScore(word.value(), delta, z, word.count()));
                }
            }
            scores.sort(Comparator.comparingDouble(WordScore::zScore).reversed().thenComparing(WordScore::word));
            result.put(tag.value(), List.copyOf(scores.subList(0, Math.min(words, scores.size()))));
        }
        return result;
    }
}
