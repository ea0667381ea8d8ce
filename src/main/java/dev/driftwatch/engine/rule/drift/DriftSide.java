package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.profile.CategoricalSummary;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.TagSummary;
import dev.driftwatch.engine.profile.TextSummary;
import dev.driftwatch.engine.profile.ValueCount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One side of a comparison: a split of a profile (this snapshot's, or the stored reference's), read
 * the way the drift methods need it. Immutable.
 */
record DriftSide(SplitProfile split) {
    static final String OTHER = "(other)";

    long rows() {
        return split.rows();
    }

    Optional<NumericDistribution> numbers(String column) {
        return split.column(column).map(ColumnProfile::numeric).filter(n -> n.count() > 0).map(NumericDistribution::of);
    }

    Optional<NumericDistribution> lengths(String column) {
        return text(column).map(TextSummary::chars).filter(n -> n != null && n.count() > 0).map(NumericDistribution::of);
    }

    Optional<NumericDistribution> tagsPerRow(String column) {
        return tags(column).map(t -> NumericDistribution.ofCounts(t.tagsPerRow())).filter(d -> d.count() > 0);
    }

    /** Category counts: the label's classes, else the column's tracked values and the rest as "(other)". */
    Optional<Map<String, Long>> counts(String column) {
        var labels = split.labels().filter(l -> l.column().equals(column));
        if (labels.isPresent()) {
            return Optional.of(labels.get().counts());
        }
        return split.column(column).map(ColumnProfile::categorical).map(DriftSide::counts);
    }

    private static Map<String, Long> counts(CategoricalSummary summary) {
        return pooled(summary.values(), summary.exact(), summary.total());
    }

    /** The counts of the tracked values and, when they are not all the values, the rest of {@code total} as OTHER. */
    private static Map<String, Long> pooled(List<ValueCount> tracked, boolean exact, long total) {
        Map<String, Long> counts = new LinkedHashMap<>();
        long sum = 0;
        for (ValueCount value : tracked) {
            counts.put(value.value(), value.count());
            sum += value.count();
        }
        if (!exact && total > sum) {
            counts.put(OTHER, total - sum);
        }
        return counts;
    }

    /** Rows per tag, aliases resolved; beyond the tags counted exactly, the tracked ones and the rest as "(other)". */
    Optional<Map<String, Long>> tagCounts(String column) {
        return tags(column).map(t -> pooled(t.resolvedFrequencies(), t.exact(), t.total()));
    }

    Optional<TextSummary> text(String column) {
        return split.column(column).map(ColumnProfile::text);
    }

    private Optional<TagSummary> tags(String column) {
        return split.tags().filter(t -> t.column().equals(column));
    }
}
