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
import dev.driftwatch.engine.rule.Fingerprint;
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
        List<String> in = inputs.isEmpty() ? dataset.columns().inputs() : inputs;
        return Optional.of(new SplitRows(in, dataset.columns().id(), dataset.rowMemory()));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        SplitRows rows = (SplitRows) rowCheck;
        List<String> splits = new ArrayList<>(rows.splits.keySet());
        if (splits.size() < 2) {
            return List.of(RuleResult.error(this, null, null, "expected at least two splits to compare but found "
                    + splits.size() + (splits.isEmpty() ? "" : " (" + splits.get(0) + ")")));
        }
        List<RuleResult> results = new ArrayList<>();
        List<String[]> pairs = orderedPairs(context.dataset(), splits, results);
        rows.near.plan(pairs);
        for (String[] pair : pairs) {
            for (LeakageMode mode : LeakageMode.values()) {
                if (!modes.contains(mode)) {
                    continue;
                }
                if (mode == LeakageMode.ID && rows.idColumn == null) {
                    if (modes.size() < LeakageMode.values().length) {
                        results.add(RuleResult.error(this, null, pair[1], "expected an id column (columns.id) to compare ids but found none"));
                    }
                    continue;
                }
                if (mode != LeakageMode.ID && rows.inputs.isEmpty()) {
                    results.add(RuleResult.error(this, null, pair[1],
                            "expected input columns (columns.inputs or inputs on the rule) but found none"));
                    break;
                }
                results.add(compare(rows, rows.splits.get(pair[0]), rows.splits.get(pair[1]), mode));
            }
        }
        rows.near.close();
        rows.keys.values().forEach(ExactLeaks::close);
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

    private RuleResult compare(SplitRows rows, SplitIndex earlier, SplitIndex later, LeakageMode mode) {
        if (mode == LeakageMode.NEAR && rows.near.failure() != null) {
            return RuleResult.error(this, mode.id(), later.split, "expected to keep the rows for the near-duplicate search"
                    + " in a temporary folder but found " + rows.near.failure());
        }
        List<Evidence> evidence = new ArrayList<>();
        long found = 0;
        if (mode == LeakageMode.NEAR) {
            Matcher matcher = nearMatcher(rows.near.matches(earlier.split, later.split));
            for (int i = 0; i < later.rows; i++) {
                int match = matcher.match(i);
                if (match >= 0) {
                    found++;
                    if (evidence.size() < maxEvidence) {
                        evidence.add(evidence(rows.locations, rows.near.location(later.split, i), earlier.split,
                                rows.near.location(earlier.split, match), matcher.similarity()));
                    }
                }
            }
        } else {
            ExactLeaks.Found leaks = rows.leaks(mode);
            found = leaks.rows[earlier.index][later.index];
            for (long[] shown : leaks.shown[earlier.index][later.index].ascending()) {
                evidence.add(evidence(rows.locations, shown[0], earlier.split, shown[1], Double.NaN));
            }
        }
        long total = later.rows;
        double ratio = total == 0 ? 0 : (double) found / total;
        String how = switch (mode) {
            case ID -> "by id";
            case EXACT -> "with exactly the same " + String.join(" and ", rows.inputs);
            case NORMALISED -> "after normalising " + normalisation.describe() + " of " + String.join(" and ", rows.inputs);
            case NEAR -> "as near-duplicates (Jaccard similarity of 5-character shingles at least "
                    + jaccard + ")";
        };
        String message = Ratios.share(found, total) + " rows of " + later.split + " also appear in " + earlier.split
                + " " + how + (ratio > maxRatio ? "; at most " + Ratios.percent(maxRatio) + " allowed." : ".");
        return RuleResult.judged(this, ratio > maxRatio, mode.id(), later.split, ratio, maxRatio, message, evidence);
    }

    /** Finds, for a row of the later split, a row of the earlier one (its position) or -1. */
    private interface Matcher {
        int match(int laterRow);

        /** The Jaccard similarity of the last match, or NaN when matching is exact. */
        default double similarity() {
            return Double.NaN;
        }
    }

    private static Matcher nearMatcher(NearMatches found) {
        return new Matcher() {
            private int last;

            @Override
            public int match(int laterRow) {
                last = laterRow;
                return found.partner(laterRow);
            }

            @Override
            public double similarity() {
                return found.similarity(last);
            }
        };
    }

    /** The later row, named by file and line, and where the earlier split has it. */
    private static Evidence evidence(RowLocations locations, long row, String earlier, long match, double similarity) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("in_" + earlier, locations.describe(match));
        if (!Double.isNaN(similarity)) {
            values.put("similarity", String.format(java.util.Locale.ROOT, "%.2f", similarity));
        }
        return new Evidence(locations.source(row), RowLocations.line(row), null, values);
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

    private final class SplitRows implements RowCheck, AutoCloseable {
        private final List<String> inputs;
        private final String idColumn;
        private final Map<String, SplitIndex> splits = new LinkedHashMap<>();
        private final RowLocations locations = new RowLocations();
        private final NearDuplicates near = new NearDuplicates(jaccard, maxEvidence);
        private final Map<LeakageMode, ExactLeaks> keys = new EnumMap<>(LeakageMode.class);
        private final Map<LeakageMode, ExactLeaks.Found> found = new EnumMap<>(LeakageMode.class);
        private final long rowMemory;

        private final InputsFingerprint exactInputs;
        private final NormalisedInputs normalisedInputs;

        SplitRows(List<String> inputs, String idColumn, long rowMemory) {
            this.inputs = inputs;
            this.rowMemory = rowMemory;
            this.exactInputs = new InputsFingerprint(inputs);
            this.normalisedInputs = new NormalisedInputs(inputs, normalisation);
            this.idColumn = idColumn;
        }

        @Override
        public void accept(Row row) {
            SplitIndex index = splits.computeIfAbsent(row.split(), s -> new SplitIndex(s, splits.size()));
            index.rows++;
            long location = locations.of(row);
            if (idColumn != null && modes.contains(LeakageMode.ID)) {
                put(LeakageMode.ID, Fingerprint.of(String.valueOf(row.text(idColumn))), location);
            }
            if (modes.contains(LeakageMode.EXACT)) {
                put(LeakageMode.EXACT, row.derived(exactInputs), location);
            }
            if (!modes.contains(LeakageMode.NORMALISED) && !modes.contains(LeakageMode.NEAR)) {
                return;
            }
            NormalisedInputs.Values values = row.derived(normalisedInputs);
            if (modes.contains(LeakageMode.NORMALISED)) {
                put(LeakageMode.NORMALISED, values.fingerprint(), location);
            }
            if (modes.contains(LeakageMode.NEAR)) {
                near.add(row.split(), location, String.join(" ", values.values()));
            }
        }

        @Override
        public List<RowDerivation<?>> derivations() {
            List<RowDerivation<?>> wanted = new ArrayList<>();
            if (modes.contains(LeakageMode.EXACT)) {
                wanted.add(exactInputs);
            }
            if (modes.contains(LeakageMode.NORMALISED) || modes.contains(LeakageMode.NEAR)) {
                wanted.add(normalisedInputs);
            }
            return wanted;
        }

        private void put(LeakageMode mode, long key, long location) {
            keys.computeIfAbsent(mode, m -> new ExactLeaks(rowMemory)).add(key, location);
        }

        @Override
        public void close() {
            near.close();
            keys.values().forEach(ExactLeaks::close);
        }

        /** What one walk over a mode's sorted keys found for every pair of splits (once per mode). */
        ExactLeaks.Found leaks(LeakageMode mode) {
            ExactLeaks.Found leaks = found.get(mode);
            if (leaks == null) {
                ExactLeaks sorted = keys.get(mode);
                if (sorted == null) {
                    sorted = new ExactLeaks(rowMemory);
                }
                int[] splitOfOrigin = new int[locations.size()];
                for (int origin = 0; origin < splitOfOrigin.length; origin++) {
                    splitOfOrigin[origin] = splits.get(locations.split(RowLocations.first(origin))).index;
                }
                leaks = sorted.walk(splits.size(), location -> splitOfOrigin[RowLocations.origin(location)], maxEvidence);
                found.put(mode, leaks);
            }
            return leaks;
        }
    }
}
