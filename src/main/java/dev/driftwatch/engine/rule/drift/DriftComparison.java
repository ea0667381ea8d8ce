package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.rule.DriftMeasure;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.RuleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Compares one split with its reference, column by column, and words the results. */
final class DriftComparison {
    private final DistributionShiftRule rule;
    private final Map<String, DriftKind> targets;

    DriftComparison(DistributionShiftRule rule, Map<String, DriftKind> targets) {
        this.rule = rule;
        this.targets = targets;
    }

    /**
     * One measurement before judging: the p-values are adjusted together.
     *
     * @param sketched why sketches were compared instead of exact values, or null when the figures are exact
     */
    private record Measure(String target, String what, DriftMethod method, Score score, List<Evidence> evidence,
                           String sketched) {
    }

    List<RuleResult> compare(String split, DriftSide reference, DriftSide current, String against) {
        List<Measure> measures = new ArrayList<>();
        List<RuleResult> results = new ArrayList<>();
        for (var target : targets.entrySet()) {
            String column = target.getKey();
            try {
                switch (target.getValue()) {
                    case NUMERIC -> measures.add(numeric(split, column, column, reference.numbers(column), current.numbers(column)));
                    case CATEGORICAL -> measures.add(categorical(split, column, column, reference.counts(column), current.counts(column)));
                    case TEXT -> {
                        measures.add(numeric(split, column + ":length", column + " length", reference.lengths(column), current.lengths(column)));
                        results.add(OutOfVocabularyCheck.judge(rule, column, split, reference.text(column), current.text(column), against));
                    }
                    case TAGS -> {
                        measures.add(categorical(split, column + ":frequency", column + " frequencies", reference.tagCounts(column), current.tagCounts(column)));
                        measures.add(numeric(split, column + ":per_row", column + " per row", reference.tagsPerRow(column), current.tagsPerRow(column)));
                    }
                    default -> throw new IllegalStateException(target.getValue().name());
                }
            } catch (Unavailable e) {
                results.add(RuleResult.error(rule, e.target, split, e.getMessage()));
            }
        }
        double[] p = measures.stream().filter(m -> m.method.isTest()).mapToDouble(m -> m.score.pValue()).toArray();
        double[] q = FalseDiscovery.adjust(p);
        int tests = 0;
        for (Measure m : measures) {
            results.add(m.method.isTest() ? judgeTest(m, split, against, q[tests++], p.length) : judgeEffect(m, split, against));
        }
        return results;
    }

    /** Drift when the adjusted p-value is at most the FDR; observed is 1 - adjusted p, so higher is more drift. */
    private RuleResult judgeTest(Measure m, String split, String against, double q, int tests) {
        double fdr = rule.threshold() != null ? rule.threshold() : rule.fdr();
        boolean drifted = q <= fdr;
        String message = String.format(Locale.ROOT, "%s in %s %s %s: %s statistic %.3f%s, p = %.3g (%.3g after "
                        + "Benjamini–Hochberg over %d test%s); a change is reported at %.3g or below.%s",
                m.what, split, drifted ? "changed against" : "is consistent with", against, m.method.id(),
                m.score.statistic(), estimate(m, "D "), m.score.pValue(), q, tests, tests == 1 ? "" : "s", fdr, why(m));
        return RuleResult.judged(rule, drifted, m.target, split, 1 - q, 1 - fdr, message, m.evidence)
                .withCheck(m.method.id()).withMeasure(measure(m, m.score.pValue(), q));
    }

    /** Drift when the distance is at least the threshold. */
    private RuleResult judgeEffect(Measure m, String split, String against) {
        double limit = rule.threshold() != null ? rule.threshold() : m.method.defaultThreshold();
        boolean drifted = m.score.distance() >= limit;
        String message = String.format(Locale.ROOT, "%s in %s %s %s: %s %.3f%s (a change is reported at %.3g or more).%s",
                m.what, split, drifted ? "changed against" : "is consistent with", against, m.method.id(),
                m.score.distance(), estimate(m, ""), limit, why(m));
        return RuleResult.judged(rule, drifted, m.target, split, m.score.distance(), limit, message, m.evidence)
                .withCheck(m.method.id()).withMeasure(measure(m, null, null));
    }

    private static DriftMeasure measure(Measure m, Double pValue, Double adjusted) {
        double error = m.score.error();
        return new DriftMeasure(m.method.id(), m.score.statistic(), pValue, adjusted, m.score.distance(), m.score.exact(),
                m.score.exact() || Double.isNaN(error) ? null : error);
    }

    /** ", estimated (sketch, D within ±0.0042)" for a figure from sketches, else nothing. */
    private static String estimate(Measure m, String symbol) {
        if (m.score.exact()) {
            return "";
        }
        return Double.isNaN(m.score.error()) ? " (estimated from sketches, error not bounded)"
                : String.format(Locale.ROOT, " (estimated from sketches, %swithin ±%.2g)", symbol, m.score.error());
    }

    private static String why(Measure m) {
        return m.sketched == null ? "" : " Sketches were compared because " + m.sketched + ".";
    }

    private Measure numeric(String split, String target, String what, Optional<NumericDistribution> reference,
                            Optional<NumericDistribution> current) {
        NumericDistribution ref = reference.orElseThrow(() -> new Unavailable(target, "the reference has no numeric values for " + what));
        NumericDistribution cur = current.orElseThrow(() -> new Unavailable(target, "split " + split + " of this snapshot has no numeric values for " + what));
        DriftMethod method = rule.method() != null && rule.method().appliesToNumbers() ? rule.method()
                : DriftMethod.numericDefault(ref.count(), rule.smallSample());
        Map<String, String> figures = new LinkedHashMap<>();
        for (double rank : new double[]{0.05, 0.5, 0.95}) {
            String label = "p" + Math.round(rank * 100);
            figures.put(label, String.format(Locale.ROOT, "%.4g -> %.4g", ref.quantile(rank), cur.quantile(rank)));
        }
        figures.put("count", ref.count() + " -> " + cur.count());
        String sketched = ref.inexactReason() != null ? what + " in the reference " + ref.inexactReason()
                : cur.inexactReason() != null ? what + " in split " + split + " " + cur.inexactReason() : null;
        return new Measure(target, what, method, method.numeric(ref, cur), List.of(new Evidence(null, 0, null, figures)), sketched);
    }

    private Measure categorical(String split, String target, String what, Optional<Map<String, Long>> reference,
                                Optional<Map<String, Long>> current) {
        Map<String, Long> ref = reference.filter(m -> !m.isEmpty())
                .orElseThrow(() -> new Unavailable(target, "the reference has no values for " + what));
        Map<String, Long> cur = new TreeMap<>(current.orElseThrow(() -> new Unavailable(target, "split " + split + " of this snapshot has no values for " + what)));
        if (ref.containsKey(DriftSide.OTHER)) {
            Map<String, Long> pooled = new TreeMap<>();
            cur.forEach((k, v) -> pooled.merge(ref.containsKey(k) ? k : DriftSide.OTHER, v, Long::sum));
            cur = pooled;
        }
        if (cur.isEmpty()) {
            throw new Unavailable(target, "split " + split + " of this snapshot has no values for " + what);
        }
        long refTotal = ref.values().stream().mapToLong(Long::longValue).sum();
        DriftMethod method = rule.method() != null && rule.method().appliesToCategories() ? rule.method()
                : DriftMethod.categoricalDefault(refTotal, rule.smallSample());
        Score score = method.categorical(ref, cur);
        String sketched = null;
        if (ref.containsKey(DriftSide.OTHER) || cur.containsKey(DriftSide.OTHER)) {
            score = score.estimated(Double.NaN);
            sketched = (ref.containsKey(DriftSide.OTHER) ? "the reference" : "split " + split) + " has more distinct values of "
                    + what + " than are counted exactly; the rest are pooled as " + DriftSide.OTHER;
        }
        return new Measure(target, what, method, score, shares(ref, cur), sketched);
    }

    /** The five categories whose share moved most. */
    private static List<Evidence> shares(Map<String, Long> ref, Map<String, Long> cur) {
        double refTotal = ref.values().stream().mapToLong(Long::longValue).sum();
        double curTotal = cur.values().stream().mapToLong(Long::longValue).sum();
        java.util.Set<String> all = new java.util.TreeSet<>(ref.keySet());
        all.addAll(cur.keySet());
        return all.stream()
                .sorted(java.util.Comparator.comparingDouble((String k) ->
                        -Math.abs(cur.getOrDefault(k, 0L) / curTotal - ref.getOrDefault(k, 0L) / refTotal)).thenComparing(k -> k))
                .limit(5)
                .map(k -> Evidence.of("value", k, "share",
                        Ratios.percent(ref.getOrDefault(k, 0L) / refTotal) + " -> " + Ratios.percent(cur.getOrDefault(k, 0L) / curTotal)))
                .toList();
    }

    /** A measure that cannot be taken, with why. */
    private static final class Unavailable extends RuntimeException {
        final String target;

        Unavailable(String target, String message) {
            super(message, null, false, false);
            this.target = target;
        }
    }
}
