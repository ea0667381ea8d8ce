package dev.driftwatch.engine.rule.rows;

import com.carrotsearch.hppc.LongIntHashMap;
import dev.driftwatch.engine.rule.Shares;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
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
import dev.driftwatch.engine.rule.RowValues;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.TextNormalisation;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * file, split and line (16 bytes), sorted in the dataset's {@code row_memory} and beyond it in sorted runs in the
 * temporary folder ({@link ExactLeaks}); one walk per mode judges every pair of splits. With {@code near}, the
 * packed location in a growable array (up to 12 bytes a row), and every row's band keys and normalised text in
 * temporary files (148 bytes and the text at the default 0.8), and every row is searched; evaluating one pair of
 * splits adds, for a while, about 1 byte per row of the earlier split and 6 per row of the later one. Evidence
 * names the rows by file and line (and the earlier row's split); their values are not kept.
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
        return Optional.of(new SplitRows(keys(dataset), dataset.rowMemory()));
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
        return new Counted(keys, new LinkedHashMap<>(rowsPerSplit), List.copyOf(leaks));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        Tally rows = (Tally) rowCheck;
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

    private RuleResult compare(Tally rows, String earlier, String later, LeakageMode mode) {
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

    private static Evidence evidence(RowLocations locations, long row, String earlier, long match, double similarity) {
        return leakEvidence(locations.source(row), RowLocations.line(row), earlier, locations.source(match),
                RowLocations.line(match), similarity);
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

    /** The rows of one split: their count and, for {@code near}, where each was read. */
    private static final class SplitIndex {
        final String split;
        final int index;
        long rows;

        SplitIndex(String split, int index) {
            this.split = split;
            this.index = index;
        }
    }

    /** What {@link #evaluate} judges: the splits and their rows, and what each mode found per pair of splits. */
    private interface Tally extends AutoCloseable {
        LeakageKeys keys();

        /** The splits with rows, in the order of their first row. */
        List<String> splits();

        long rows(String split);

        /** The pairs {@link #leaks} will be asked for, (earlier, later). */
        default void plan(List<String[]> pairs) {
        }

        /** Why a mode could not be evaluated, or null. */
        default String unavailable(LeakageMode mode) {
            return null;
        }

        SplitLeaks leaks(LeakageMode mode, String earlier, String later);

        @Override
        default void close() {
        }
    }

    /** Leaks counted elsewhere. */
    private record Counted(LeakageKeys keys, Map<String, Long> rowsPerSplit, List<SplitLeaks> found)
            implements RowCheck, Tally {
        @Override
        public void accept(Row row) {
            throw new IllegalStateException("rows of a counted split_leakage check were grouped elsewhere");
        }

        @Override
        public List<String> splits() {
            return List.copyOf(rowsPerSplit.keySet());
        }

        @Override
        public long rows(String split) {
            return rowsPerSplit.getOrDefault(split, 0L);
        }

        @Override
        public SplitLeaks leaks(LeakageMode mode, String earlier, String later) {
            return found.stream().filter(f -> f.mode() == mode && f.earlier().equals(earlier) && f.later().equals(later))
                    .findFirst().orElse(new SplitLeaks(mode, earlier, later, 0, List.of()));
        }
    }

    private final class SplitRows implements RowCheck, Tally {
        private final LeakageKeys keys;
        private final Map<String, SplitIndex> splits = new LinkedHashMap<>();
        private final RowLocations locations = new RowLocations();
        private final NearDuplicates near = new NearDuplicates(jaccard, maxEvidence);
        private final Map<LeakageMode, ExactLeaks> sorted = new EnumMap<>(LeakageMode.class);
        private final Map<LeakageMode, ExactLeaks.Found> found = new EnumMap<>(LeakageMode.class);
        private final long rowMemory;

        SplitRows(LeakageKeys keys, long rowMemory) {
            this.keys = keys;
            this.rowMemory = rowMemory;
        }

        @Override
        public void accept(Row row) {
            SplitIndex index = splits.computeIfAbsent(row.split(), s -> new SplitIndex(s, splits.size()));
            index.rows++;
            long location = locations.of(row);
            for (LeakageMode mode : LeakageMode.values()) {
                if (modes.contains(mode) && mode != LeakageMode.NEAR && (mode != LeakageMode.ID || keys.idColumn() != null)) {
                    sorted.computeIfAbsent(mode, m -> new ExactLeaks(rowMemory)).add(keys.key(mode, row), location);
                }
            }
            if (modes.contains(LeakageMode.NEAR)) {
                near.add(row.split(), location, keys.nearText(row));
            }
        }

        @Override
        public List<RowDerivation<?>> derivations() {
            return keys.derivations(modes);
        }

        @Override
        public LeakageKeys keys() {
            return keys;
        }

        @Override
        public List<String> splits() {
            return new ArrayList<>(splits.keySet());
        }

        @Override
        public long rows(String split) {
            return splits.get(split).rows;
        }

        @Override
        public void plan(List<String[]> pairs) {
            near.plan(pairs);
        }

        @Override
        public String unavailable(LeakageMode mode) {
            return mode == LeakageMode.NEAR && near.failure() != null ? String.valueOf(near.failure()) : null;
        }

        @Override
        public SplitLeaks leaks(LeakageMode mode, String earlierSplit, String laterSplit) {
            SplitIndex earlier = splits.get(earlierSplit);
            SplitIndex later = splits.get(laterSplit);
            List<Evidence> evidence = new ArrayList<>();
            long rows = 0;
            if (mode == LeakageMode.NEAR) {
                NearMatches matches = near.matches(earlier.split, later.split);
                for (int i = 0; i < later.rows; i++) {
                    int match = matches.partner(i);
                    if (match >= 0) {
                        rows++;
                        if (evidence.size() < maxEvidence) {
                            evidence.add(evidence(locations, near.location(later.split, i), earlier.split,
                                    near.location(earlier.split, match), matches.similarity(i)));
                        }
                    }
                }
            } else {
                ExactLeaks.Found leaks = walked(mode);
                rows = leaks.rows[earlier.index][later.index];
                for (long[] shown : leaks.shown[earlier.index][later.index].ascending()) {
                    evidence.add(evidence(locations, shown[0], earlier.split, shown[1], Double.NaN));
                }
            }
            return new SplitLeaks(mode, earlierSplit, laterSplit, rows, evidence);
        }

        @Override
        public void close() {
            near.close();
            sorted.values().forEach(ExactLeaks::close);
        }

        /** What one walk over a mode's sorted keys found for every pair of splits (once per mode). */
        private ExactLeaks.Found walked(LeakageMode mode) {
            ExactLeaks.Found leaks = found.get(mode);
            if (leaks == null) {
                ExactLeaks keysOfMode = sorted.get(mode);
                if (keysOfMode == null) {
                    keysOfMode = new ExactLeaks(rowMemory);
                }
                int[] splitOfOrigin = new int[locations.size()];
                for (int origin = 0; origin < splitOfOrigin.length; origin++) {
                    splitOfOrigin[origin] = splits.get(locations.split(RowLocations.first(origin))).index;
                }
                leaks = keysOfMode.walk(splits.size(), location -> splitOfOrigin[RowLocations.origin(location)], maxEvidence);
                found.put(mode, leaks);
            }
            return leaks;
        }
    }
}
