package dev.driftwatch.engine.rule.tags;

import dev.driftwatch.engine.rule.Shares;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.ReferencePolicy;
import dev.driftwatch.engine.dataset.VocabularyDeclaration;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code unseen_tags}: the tags of a multi-label (or label) column against the declared vocabulary
 * (aliases resolved, excluded tags dropped), the minimum frequency, and the reference. One result per
 * check: out-of-vocabulary prevalence (rows with such a tag / rows with a tag), rare tags, new tags.
 * Memory: a count per distinct tag up to a bound, then frequent-items sketches whose estimated counts the messages
 * say are estimated ({@link TagTally}); a few evidence rows.
 *
 * @param column       the tags column (default: the dataset's tags, else its label)
 * @param maxOovRatio  the largest allowed share of rows with an out-of-vocabulary tag (default 0)
 * @param minFrequency rows a tag needs; null takes the vocabulary declaration's {@code min_frequency}
 * @param exclude      tags dropped before any check; null takes the vocabulary declaration's
 * @param maxNew       new tags tolerated (default 0)
 */
public record UnseenTagsRule(String name, Severity severity, String column, Set<TagCheck> checks, double maxOovRatio,
                             Integer minFrequency, Set<String> exclude, long maxNew, int maxEvidence) implements Rule {
    public UnseenTagsRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        checks = checks == null || checks.isEmpty() ? Set.of(TagCheck.values()) : Set.copyOf(checks);
        exclude = exclude == null ? null : Set.copyOf(exclude);
        Shares.require(maxOovRatio, "max_oov_ratio");
        if (minFrequency != null && minFrequency < 0) {
            throw new IllegalArgumentException("min_frequency: expected 0 or more but found " + minFrequency);
        }
    }

    @Override
    public String kind() {
        return "unseen_tags";
    }

    private String columnOf(DatasetDefinition dataset) {
        return column != null ? column : dataset.columns().tags() != null ? dataset.columns().tags() : dataset.columns().label();
    }

    private Set<String> excluded(VocabularyDeclaration declaration) {
        return exclude != null ? exclude : declaration == null ? Set.of() : declaration.exclude();
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset, VocabularyLookup vocabulary) {
        String target = columnOf(dataset);
        boolean againstSplit = dataset.reference().kind() == ReferencePolicy.Kind.SPLIT;
        boolean countsTotal = checks.contains(TagCheck.RARE) || checks.contains(TagCheck.NEW) && !againstSplit;
        boolean countsSplits = checks.contains(TagCheck.NEW) && againstSplit;
        return target == null ? Optional.empty() : Optional.of(new TagCounts(target, dataset.columns().id(),
                excluded(vocabulary.declaration()), vocabulary.vocabulary().orElse(null), maxEvidence, TagTally.EXACT_TAGS,
                countsTotal, countsSplits));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        if (!(rowCheck instanceof TagCounts counts)) {
            return List.of(RuleResult.error(this, null, null,
                    "expected a tags or label column (columns.tags, columns.label or column on the rule) but found none"));
        }
        if (counts.rows > 0 && !counts.columnSeen) {
            return List.of(RuleResult.error(this, counts.column, null, "column '" + counts.column + "' is not in this snapshot"));
        }
        List<RuleResult> results = new ArrayList<>();
        if (checks.contains(TagCheck.OUT_OF_VOCABULARY)) {
            results.add(outOfVocabulary(context.vocabulary(), counts));
        }
        int cut = minFrequency != null ? minFrequency
                : context.vocabulary().declared() ? context.vocabulary().declaration().minFrequency() : 0;
        if (checks.contains(TagCheck.RARE) && (cut > 0 || minFrequency != null)) {
            results.add(rare(counts, cut));
        }
        if (checks.contains(TagCheck.NEW)) {
            results.add(newTags(context, counts));
        }
        return results;
    }

    private RuleResult outOfVocabulary(VocabularyLookup vocabulary, TagCounts counts) {
        if (vocabulary.problem().isPresent()) {
            return RuleResult.error(this, counts.column, null,
                    "the tag vocabulary could not be read, so tags cannot be checked: " + vocabulary.problem().get());
        }
        if (vocabulary.vocabulary().isEmpty()) {
            return RuleResult.error(this, counts.column, null,
                    "expected a tag vocabulary (vocabulary: in the rules file) to check tags against but none is declared");
        }
        double ratio = counts.rowsWithTags == 0 ? 0 : (double) counts.rowsOutOfVocabulary / counts.rowsWithTags;
        int size = vocabulary.vocabulary().get().tags().size();
        String message = Ratios.share(counts.rowsOutOfVocabulary, counts.rowsWithTags) + " rows with a " + counts.column
                + " value carry one outside the vocabulary of " + Ratios.count(size) + " tags (aliases resolved)"
                + (counts.outOfVocabulary.counts().isEmpty() ? "" : ": " + top(counts.outOfVocabulary))
                + (ratio > maxOovRatio ? "; at most " + Ratios.percent(maxOovRatio) + " allowed." : ".");
        return RuleResult.judged(this, ratio > maxOovRatio, counts.column, null, ratio, maxOovRatio, message,
                counts.oovExamples).withCheck("out_of_vocabulary");
    }

    private RuleResult rare(TagCounts counts, int cut) {
        if (!counts.total.isExact()) {
            return RuleResult.skipped(this, counts.column, null, "more than " + Ratios.count(counts.total.exactTags())
                    + " distinct tags: they are counted by a frequent-items sketch that keeps only the frequent ones "
                    + "(each count at most " + Ratios.count(counts.total.maxError()) + " rows too high), so the rare "
                    + "tags cannot be listed").withCheck("rare");
        }
        Map<String, Long> rare = new HashMap<>();
        counts.total.counts().forEach((tag, n) -> {
            if (n < cut) {
                rare.put(tag, n);
            }
        });
        String message = Ratios.count(rare.size()) + " of " + Ratios.count(counts.total.counts().size()) + " tags are used by fewer than "
                + cut + " rows" + (rare.isEmpty() ? "." : " and would be cut before training: " + top(rare) + ".");
        List<Evidence> evidence = least(rare.entrySet(), Map.Entry.comparingByKey(), maxEvidence).stream()
                .map(e -> Evidence.of("tag", e.getKey(), "rows", String.valueOf(e.getValue())))
                .toList();
        return RuleResult.judged(this, !rare.isEmpty(), counts.column, null, (double) rare.size(), 0.0, message, evidence)
                .withCheck("rare");
    }

    private RuleResult newTags(EvaluationContext context, TagCounts counts) {
        ReferencePolicy policy = context.dataset().reference();
        Map<String, Long> current;
        boolean currentExact;
        long currentError;
        ReferenceTags reference;
        String against;
        if (policy.kind() == ReferencePolicy.Kind.SPLIT) {
            TagTally base = counts.bySplit.get(policy.split());
            if (base == null) {
                return RuleResult.error(this, counts.column, null, "expected reference split '" + policy.split()
                        + "' in this snapshot but found only " + counts.bySplit.keySet());
            }
            reference = base.isExact() ? ReferenceTags.complete(base.counts())
                    : new ReferenceTags(base.counts(), base.maxError(), true);
            current = new HashMap<>();
            currentExact = true;
            currentError = 0;
            for (var e : counts.bySplit.entrySet()) {
                if (!e.getKey().equals(policy.split())) {
                    e.getValue().counts().forEach(current::put);
                    currentExact &= e.getValue().isExact();
                    currentError = Math.max(currentError, e.getValue().maxError());
                }
            }
            against = "split " + policy.split();
        } else if (context.reference().isEmpty()) {
            return RuleResult.skipped(this, counts.column, null,
                    "there is no reference snapshot yet to find new tags against").withCheck("new");
        } else {
            current = counts.total.counts();
            currentExact = counts.total.isExact();
            currentError = counts.total.maxError();
            reference = ReferenceTags.of(context.reference().get(), counts.column);
            against = "the reference snapshot";
            if (!reference.hasColumn()) {
                String role = counts.column.equals(context.dataset().columns().label()) ? "label" : "tags";
                return RuleResult.error(this, counts.column, null, "the reference snapshot has no " + role + " column '"
                        + counts.column + "', so no tag can be called new against it").withCheck("new");
            }
        }
        Map<String, Long> fresh = new HashMap<>();
        Set<String> known = reference.counts().keySet().stream().map(String::strip).map(counts::resolve)
                .collect(Collectors.toSet());
        reference.counts().keySet().forEach(tag -> known.add(tag.strip()));
        current.forEach((tag, n) -> {
            if (!known.contains(tag)) {
                fresh.put(tag, n);
            }
        });
        // a tag the reference's estimated counts lack may still hold up to their error there: none is certainly new
        long certain = reference.complete() ? fresh.size() : 0;
        String message = reference.complete()
                ? Ratios.count(fresh.size()) + " tag" + (fresh.size() == 1 ? " is" : "s are") + " new since " + against
                + (fresh.isEmpty() ? "" : ": " + top(fresh))
                : Ratios.count(fresh.size()) + " tag" + (fresh.size() == 1 ? " is" : "s are") + " possibly new since "
                + against + (fresh.isEmpty() ? "" : ": " + top(fresh)) + (reference.error() == Long.MAX_VALUE
                ? "; its profile keeps no counts of " + counts.column + " (profiled as text, numbers or an id)"
                : "; its profile keeps estimated counts of " + counts.column + ", so a tag it lacks may hold up to "
                + Ratios.count(reference.error()) + (reference.error() == 1 ? " row" : " rows") + " there")
                + ", and none is certainly new";
        if (!currentExact) {
            // the tags kept are real, so those the reference lacks are new; rarer tags are not kept and may be new too
            message = (reference.complete() ? "at least " : "") + message + "; this snapshot has more than "
                    + Ratios.count(counts.exactTags()) + " distinct tags, counted by a frequent-items sketch (each "
                    + "count at most " + Ratios.count(currentError) + " rows too high) that keeps only the frequent ones, "
                    + "so rarer tags may be new too";
        }
        message += certain > maxNew ? "; at most " + maxNew + " allowed." : ".";
        List<Evidence> evidence = least(fresh.entrySet(), Map.Entry.comparingByKey(), maxEvidence).stream()
                .map(e -> Evidence.of("tag", e.getKey(), "rows", String.valueOf(e.getValue())))
                .toList();
        return RuleResult.judged(this, certain > maxNew, counts.column, null, (double) certain, (double) maxNew,
                message, evidence).withCheck("new");
    }

    /**
     * The {@code n} least items by an order that tells every two of them apart, in that order, without sorting
     * them all (a new tag per row makes hundreds of thousands).
     */
    static <T> List<T> least(Collection<T> items, Comparator<T> order, int n) {
        if (n <= 0) {
            return List.of();
        }
        PriorityQueue<T> kept = new PriorityQueue<>(n + 1, order.reversed());
        for (T item : items) {
            if (kept.size() < n) {
                kept.add(item);
            } else if (order.compare(item, kept.peek()) < 0) {
                kept.poll();
                kept.add(item);
            }
        }
        List<T> least = new ArrayList<>(kept);
        least.sort(order);
        return least;
    }

    /** "time-series (34), other (3)", the ten most frequent first. */
    static String top(TagTally tally) {
        return top(tally.counts()) + (tally.isExact() ? "" : " (estimated counts, each at most "
                + Ratios.count(tally.maxError()) + " too high; rarer tags are not kept)");
    }

    static String top(Map<String, Long> counts) {
        String listed = least(counts.entrySet(),
                Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()), 10)
                .stream()
                .map(e -> e.getKey() + " (" + Ratios.count(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
        return counts.size() > 10 ? listed + " and " + Ratios.count(counts.size() - 10) + " more" : listed;
    }
}
