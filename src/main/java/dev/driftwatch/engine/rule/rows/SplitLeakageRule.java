package dev.driftwatch.engine.rule.rows;

import dev.driftwatch.engine.rule.Shares;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.ReferencePolicy;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Fingerprint;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.RowValues;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.TextNormalisation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code split_leakage}: rows of one split that also appear in another, by id, by exact inputs, by
 * normalised inputs, or as near-duplicates (MinHash over character 5-grams, LSH candidates, estimated
 * Jaccard at least {@code jaccard}). Every split is compared with the base split: the dataset's
 * reference split when it names one, else {@code train}; without either, each split with each earlier one. Memory per row: three 64-bit fingerprints and,
 * with {@code near}, a 1 KiB signature.
 *
 * @param inputs   the compared columns (default: the dataset's inputs)
 * @param maxRatio the largest allowed share of the later split's rows found in the earlier one
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
        return Optional.of(new SplitRows(in, dataset.columns().id()));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        SplitRows rows = (SplitRows) rowCheck;
        List<String> splits = new ArrayList<>(rows.splits.keySet());
        if (splits.size() < 2) {
            return List.of(RuleResult.error(this, null, null, "expected at least two splits to compare but found "
                    + splits.size() + (splits.isEmpty() ? "" : " (" + splits.get(0) + ")")));
        }
        String base = baseSplit(context.dataset().reference(), splits);
        List<String[]> pairs = new ArrayList<>();
        if (base != null) {
            splits.stream().filter(s -> !s.equals(base)).forEach(s -> pairs.add(new String[]{base, s}));
        } else {
            for (int later = 1; later < splits.size(); later++) {
                for (int earlier = 0; earlier < later; earlier++) {
                    pairs.add(new String[]{splits.get(earlier), splits.get(later)});
                }
            }
        }
        List<RuleResult> results = new ArrayList<>();
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
        return results;
    }

    /** The split others are compared with: the dataset's reference split, else {@code train}, else none (all pairs). */
    static String baseSplit(ReferencePolicy policy, List<String> splits) {
        if (policy.kind() == ReferencePolicy.Kind.SPLIT && splits.contains(policy.split())) {
            return policy.split();
        }
        return splits.contains("train") ? "train" : null;
    }

    private RuleResult compare(SplitRows rows, SplitIndex earlier, SplitIndex later, LeakageMode mode) {
        List<Evidence> evidence = new ArrayList<>();
        long found = 0;
        MinHash.Index index = null;
        if (mode == LeakageMode.NEAR) {
            index = new MinHash.Index(jaccard);
            for (int i = 0; i < earlier.signatures.size(); i++) {
                index.add(i, earlier.signatures.get(i));
            }
        }
        for (int i = 0; i < later.refs.size(); i++) {
            int match = -1;
            double similarity = 1;
            if (mode == LeakageMode.NEAR) {
                long[] signature = later.signatures.get(i);
                for (int candidate : index.candidates(signature)) {
                    double s = MinHash.similarity(signature, earlier.signatures.get(candidate));
                    if (s >= jaccard && (match < 0 || s > similarity)) {
                        match = candidate;
                        similarity = s;
                    }
                }
            } else {
                match = earlier.firstByKey.get(mode).getOrDefault(later.keys.get(mode).get(i), -1);
            }
            if (match >= 0) {
                found++;
                if (evidence.size() < maxEvidence) {
                    evidence.add(evidence(later.refs.get(i), earlier, match, mode, similarity));
                }
            }
        }
        long total = later.refs.size();
        double ratio = total == 0 ? 0 : (double) found / total;
        String how = switch (mode) {
            case ID -> "by id";
            case EXACT -> "with exactly the same " + String.join(" and ", rows.inputs);
            case NORMALISED -> "after normalising " + normalisation.describe() + " of " + String.join(" and ", rows.inputs);
            case NEAR -> "as near-duplicates (estimated Jaccard similarity of 5-character shingles at least "
                    + jaccard + ")";
        };
        String message = Ratios.share(found, total) + " rows of " + later.split + " also appear in " + earlier.split
                + " " + how + (ratio > maxRatio ? "; at most " + Ratios.percent(maxRatio) + " allowed." : ".");
        return RuleResult.judged(this, ratio > maxRatio, mode.id(), later.split, ratio, maxRatio, message, evidence);
    }

    private static Evidence evidence(Evidence row, SplitIndex earlier, int match, LeakageMode mode, double similarity) {
        Map<String, String> values = new LinkedHashMap<>(row.values());
        Evidence other = earlier.refs.get(match);
        values.put("in_" + earlier.split, (other.id() == null ? "" : "id " + other.id() + ", ") + "line " + other.line());
        if (mode == LeakageMode.NEAR) {
            values.put("similarity", String.format(java.util.Locale.ROOT, "%.2f", similarity));
        }
        return new Evidence(row.source(), row.line(), row.id(), values);
    }

    /** The rows of one split: a short reference each, and lookups by mode. */
    private static final class SplitIndex {
        final String split;
        final List<Evidence> refs = new ArrayList<>();
        final Map<LeakageMode, List<Long>> keys = new HashMap<>();
        final Map<LeakageMode, Map<Long, Integer>> firstByKey = new HashMap<>();
        final List<long[]> signatures = new ArrayList<>();

        SplitIndex(String split) {
            this.split = split;
        }
    }

    private final class SplitRows implements RowCheck {
        private final List<String> inputs;
        private final String idColumn;
        private final Map<String, SplitIndex> splits = new LinkedHashMap<>();

        SplitRows(List<String> inputs, String idColumn) {
            this.inputs = inputs;
            this.idColumn = idColumn;
        }

        @Override
        public void accept(Row row) {
            SplitIndex index = splits.computeIfAbsent(row.split(), SplitIndex::new);
            int position = index.refs.size();
            Evidence ref = RowValues.evidence(row, idColumn, inputs);
            index.refs.add(new Evidence(ref.source(), ref.line(), ref.id(), inputs.size() > 0
                    ? Map.of(inputs.get(0), String.valueOf(ref.values().get(inputs.get(0)))) : Map.of()));
            put(index, LeakageMode.ID, idColumn == null ? 0 : Fingerprint.of(String.valueOf(row.text(idColumn))), position);
            put(index, LeakageMode.EXACT, Fingerprint.of(RowValues.texts(row, inputs)), position);
            String normalised = String.join(" ", RowValues.normalised(row, inputs, normalisation));
            put(index, LeakageMode.NORMALISED, Fingerprint.of(normalised), position);
            if (modes.contains(LeakageMode.NEAR)) {
                index.signatures.add(MinHash.signature(normalised));
            }
        }

        private void put(SplitIndex index, LeakageMode mode, long key, int position) {
            index.keys.computeIfAbsent(mode, m -> new ArrayList<>()).add(key);
            index.firstByKey.computeIfAbsent(mode, m -> new HashMap<>()).putIfAbsent(key, position);
        }
    }
}
