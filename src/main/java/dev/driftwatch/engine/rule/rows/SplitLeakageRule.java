package dev.driftwatch.engine.rule.rows;

import dev.driftwatch.engine.rule.Shares;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.ReferencePolicy;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.InputsFingerprint;
import dev.driftwatch.engine.rule.NormalisedInputs;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.TextNormalisation;
import dev.driftwatch.engine.spill.MemoryBudget;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code split_leakage}: rows of a later split that also appear in an earlier one, by id, by exact inputs, by
 * normalised inputs, or as near-duplicates (character 5-gram shingle sets with an exact Jaccard similarity
 * of at least {@code jaccard}, among the candidates of one-permutation MinHash and LSH bands sized from
 * {@code jaccard}: see {@link NearDuplicates}). Splits are ordered from training to final evaluation by
 * {@link SplitPolicy#rank} ({@code splits.order}, else train, val, validation, test), never by file name; each
 * split is compared with every earlier one, and the share is of the later (evaluation) split's rows.
 *
 * <p>Memory, no object per row: per exact mode in use (id, exact, normalised), each row's 64-bit key and packed
 * file, split and line (16 bytes), sorted in the run's shared {@code row_memory} and beyond it in sorted runs in the
 * temporary folder ({@link ExactLeaks}); one walk per mode judges every pair of splits. With {@code near}, the
 * packed location in a growable array (up to 12 bytes a row), and every row's band keys and normalised text in
 * temporary files (164 bytes and the text at the default 0.8), and every row is searched; evaluating one pair of
 * splits adds, for a while, about 1 byte per row of the earlier split and 6 per row of the later one. Evidence
 * names the rows by file and line (and the earlier row's split); their values are not kept. The local row check is
 * {@link SplitRows}; a runner that groups rows itself (the Spark runner) derives the same keys ({@link #keys}, {@link
 * #nearBands}), builds evidence with {@link #leakEvidence} and hands its counts to {@link #counted}, so the
 * judgement, the split order and the sentences stay here.
 *
 * @param inputs   the compared columns (default: the dataset's inputs)
 * @param maxRatio the largest allowed share of the later (evaluation) split's rows found in the earlier one
 */
public record SplitLeakageRule(String name, Severity severity, List<String> inputs, Set<LeakageMode> modes,
                               TextNormalisation normalisation, double jaccard, double maxRatio, int maxEvidence)
        implements Rule {
    public SplitLeakageRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(normalisation, "normalisation");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        modes = modes == null || modes.isEmpty() ? Set.of(LeakageMode.values()) : Set.copyOf(modes);
        if (jaccard <= 0 || jaccard > 1) {
            throw new IllegalArgumentException("jaccard: expected a similarity above 0 and at most 1 but found " + jaccard);
        }
        Shares.require(maxRatio, "max_ratio");
    }

    @Override
    public String kind() {
        return "split_leakage";
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
        return newRowCheck(dataset, VocabularyLookup.none(), new MemoryBudget(dataset.rowMemory()));
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset, VocabularyLookup vocabulary, MemoryBudget rowMemory) {
        return Optional.of(new SplitRows(keys(dataset), modes, jaccard, maxEvidence, rowMemory,
                splits -> orderedPairs(dataset, splits, new ArrayList<>())));
    }

    /** What the rule compares of each row of this dataset, per mode. */
    public LeakageKeys keys(DatasetDefinition dataset) {
        List<String> in = inputs.isEmpty() ? dataset.columns().inputs() : inputs;
        return new LeakageKeys(dataset.columns().id(), new InputsFingerprint(in), new NormalisedInputs(in, normalisation));
    }

    /** The {@code near} mode's band keys and similarity at this rule's threshold (a new one per thread). */
    public NearDuplicateBands nearBands() {
        return new NearDuplicateBands(jaccard);
    }

    /**
     * The row check of a run whose rows were grouped elsewhere (the Spark runner), to judge with {@link #evaluate}.
     *
     * @param rowsPerSplit the rows of each split, the splits in the order of their first row in the snapshot
     * @param leaks        what each mode found per pair of splits; a pair not given found nothing
     */
    public RowCheck counted(LeakageKeys keys, Map<String, Long> rowsPerSplit, List<SplitLeaks> leaks) {
        return new CountedLeaks(keys, new LinkedHashMap<>(rowsPerSplit), List.copyOf(leaks));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        SplitLeakTally rows = (SplitLeakTally) rowCheck;
        List<String> splits = rows.splits();
        if (splits.size() < 2) {
            return List.of(RuleResult.error(this, null, null, "expected at least two splits to compare but found "
                    + splits.size() + (splits.isEmpty() ? "" : " (" + splits.get(0) + ")")));
        }
        List<RuleResult> results = new ArrayList<>();
        List<String[]> pairs = orderedPairs(context.dataset(), splits, results);
        rows.plan(pairs);
        for (String[] pair : pairs) {
            for (LeakageMode mode : LeakageMode.values()) {
                if (!modes.contains(mode)) {
                    continue;
                }
                if (mode == LeakageMode.ID && rows.keys().idColumn() == null) {
                    if (modes.size() < LeakageMode.values().length) {
                        results.add(RuleResult.error(this, null, pair[1], "expected an id column (columns.id) to compare ids but found none"));
                    }
                    continue;
                }
                if (mode != LeakageMode.ID && rows.keys().inputs().isEmpty()) {
                    results.add(RuleResult.error(this, null, pair[1],
                            "expected input columns (columns.inputs or inputs on the rule) but found none"));
                    break;
                }
                results.add(compare(rows, pair[0], pair[1], mode));
            }
        }
        rows.close();
        return results;
    }

    /**
     * Every pair of splits (earlier, later) in the order of training and evaluation: the declared
     * {@code splits.order}, else train, val, validation, test by name, with the dataset's reference split first
     * when the order does not place it. A split the order does not place gets an error result, as its
     * direction is unknown.
     */
    private List<String[]> orderedPairs(DatasetDefinition dataset, List<String> splits, List<RuleResult> errors) {
        SplitPolicy policy = dataset.splits();
        ReferencePolicy reference = dataset.reference();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (String split : splits) {
            OptionalInt rank = policy.rank(split);
            if (rank.isPresent()) {
                ranks.put(split, rank.getAsInt());
            } else if (reference.kind() == ReferencePolicy.Kind.SPLIT && reference.split().equals(split)) {
                ranks.put(split, -1);
            } else {
                errors.add(RuleResult.error(this, null, split, "expected one of the ordered splits "
                        + policy.effectiveOrder() + (policy.order().isEmpty() ? " (known by name)" : " (splits.order)")
                        + " but found split '" + split + "'; declare splits.order to say which splits are trained"
                        + " and which evaluated on"));
            }
        }
        List<String> ordered = ranks.keySet().stream().sorted(java.util.Comparator.comparing(ranks::get)).toList();
        List<String[]> pairs = new ArrayList<>();
        for (int later = 1; later < ordered.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                pairs.add(new String[]{ordered.get(earlier), ordered.get(later)});
            }
        }
        return pairs;
    }

    private RuleResult compare(SplitLeakTally rows, String earlier, String later, LeakageMode mode) {
        String unavailable = rows.unavailable(mode);
        if (unavailable != null) {
            return RuleResult.error(this, mode.id(), later, "expected to keep the rows for the near-duplicate search"
                    + " in a temporary folder but found " + unavailable);
        }
        SplitLeaks leaks = rows.leaks(mode, earlier, later);
        long found = leaks.rows();
        long total = rows.rows(later);
        double ratio = total == 0 ? 0 : (double) found / total;
        String compared = String.join(" and ", rows.keys().inputs());
        String how = switch (mode) {
            case ID -> "by id";
            case EXACT -> "with exactly the same " + compared;
            case NORMALISED -> "after normalising " + normalisation.describe() + " of " + compared;
            case NEAR -> "as near-duplicates (Jaccard similarity of 5-character shingles at least "
                    + jaccard + ")";
        };
        String message = Ratios.share(found, total) + " rows of " + later + " also appear in " + earlier
                + " " + how + (ratio > maxRatio ? "; at most " + Ratios.percent(maxRatio) + " allowed." : ".");
        return RuleResult.judged(this, ratio > maxRatio, mode.id(), later, ratio, maxRatio, message, leaks.shown());
    }

    /**
     * The evidence of a leaked row: the later split's row, named by file and line, and where the earlier split has
     * it (its first row with the key, or for {@code near} its most similar row, with the similarity).
     *
     * @param source     the later row's file, or null
     * @param similarity the Jaccard similarity for {@code near}, else NaN
     */
    public static Evidence leakEvidence(String source, long line, String earlier, String earlierSource, long earlierLine,
                                        double similarity) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("in_" + earlier, (earlierSource == null ? "" : earlierSource + ", ") + "line " + earlierLine);
        if (!Double.isNaN(similarity)) {
            values.put("similarity", String.format(java.util.Locale.ROOT, "%.2f", similarity));
        }
        return new Evidence(source, line, null, values);
    }
}
