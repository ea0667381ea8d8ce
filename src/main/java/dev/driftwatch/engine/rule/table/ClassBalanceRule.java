package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.profile.LabelSummary;
import dev.driftwatch.engine.profile.TagSummary;
import dev.driftwatch.engine.profile.ValueCount;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.profile.SplitProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code class_balance}: per split, the label's largest class over its smallest is at most
 * {@code maxImbalanceRatio}, and the smallest class holds at least {@code minMinorityShare} of the labelled
 * rows. On a multi-label {@code tags} column the classes are the tags and a tag's share is its prevalence: rows
 * carrying it over rows carrying any tag (a row may carry several, so shares may sum to more than 1). A single
 * class is a failure: nothing to learn to tell apart. Reads the profile's label or tag summary.
 *
 * @param maxEvidence classes listed in evidence, most frequent first
 */
public record ClassBalanceRule(String name, Severity severity, double maxImbalanceRatio, Double minMinorityShare,
                               int maxEvidence) implements Rule {
    public ClassBalanceRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        if (maxImbalanceRatio < 1) {
            throw new IllegalArgumentException("max_imbalance_ratio: expected 1 or more but found " + maxImbalanceRatio);
        }
        if (maxEvidence < 0) {
            throw new IllegalArgumentException("max_evidence: expected 0 or more but found " + maxEvidence);
        }
    }

    @Override
    public String kind() {
        return "class_balance";
    }

    /** The classes of a split: rows per class, most frequent first, out of {@code rows} labelled rows. */
    private record Classes(String column, String noun, Map<String, Long> counts, long rows, boolean exact) {
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        List<RuleResult> results = new ArrayList<>();
        context.current().splits().forEach((split, profile) -> {
            Classes classes = classesOf(profile);
            if (classes == null) {
                results.add(RuleResult.error(this, null, split,
                        "expected a label or tags column (columns.label or columns.tags) but the dataset declares none"));
            } else if (classes.counts().isEmpty()) {
                results.add(RuleResult.error(this, classes.column(), split, "split " + split + " has no labelled rows"));
            } else {
                results.add(judge(classes, split));
            }
        });
        return results;
    }

    private static Classes classesOf(SplitProfile profile) {
        if (profile.labels().isPresent()) {
            LabelSummary labels = profile.labels().get();
            return new Classes(labels.column(), "class", labels.counts(), labels.total(), labels.exact());
        }
        if (profile.tags().isPresent()) {
            TagSummary tags = profile.tags().get();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (ValueCount tag : tags.frequencies()) {
                counts.put(tag.value(), tag.count());
            }
            long tagged = tags.rows() - tags.tagsPerRow().getOrDefault(0, 0L);
            return new Classes(tags.column(), "tag", counts, tagged, tags.exact());
        }
        return null;
    }

    private RuleResult judge(Classes classes, String split) {
        Map<String, Long> counts = classes.counts();
        List<Evidence> evidence = counts.entrySet().stream().limit(maxEvidence)
                .map(e -> Evidence.of(classes.noun(), e.getKey(),
                        "rows", Ratios.share(e.getValue(), classes.rows())))
                .toList();
        String column = classes.column();
        if (counts.size() == 1) {
            return RuleResult.judged(this, true, column, split, 1.0, maxImbalanceRatio, column + " in " + split
                    + " has a single " + classes.noun() + ", " + counts.keySet().iterator().next()
                    + ", so there is nothing to tell apart.", evidence);
        }
        String largest = counts.keySet().iterator().next();
        String smallest = List.copyOf(counts.keySet()).get(counts.size() - 1);
        double ratio = (double) counts.get(largest) / counts.get(smallest);
        double minority = (double) counts.get(smallest) / classes.rows();
        boolean tooUneven = ratio > maxImbalanceRatio;
        boolean tooRare = minMinorityShare != null && minority < minMinorityShare;
        String rowsOf = classes.noun().equals("tag") ? " of rows with a tag" : " of rows";
        String message = String.format(java.util.Locale.ROOT, "%s in %s: the largest %s (%s) has %.1f times the rows of the "
                        + "smallest (%s, %s%s)%s%s", column, split, classes.noun(), largest, ratio, smallest,
                Ratios.percent(minority), rowsOf, classes.exact() ? "" : ", estimated: too many to count exactly",
                tooUneven ? "; at most " + maxImbalanceRatio + " times allowed."
                        : tooRare ? "; the smallest " + classes.noun() + " needs at least " + Ratios.percent(minMinorityShare) + "." : ".");
        return RuleResult.judged(this, tooUneven || tooRare, column, split, ratio, maxImbalanceRatio, message, evidence);
    }
}
