package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.rule.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the per-column series of one run to a number of columns, so that a dataset of thousands of columns cannot
 * flood Prometheus. Columns keep their series in this order until the cap: those with a rule result that is not a
 * pass (what someone must look at), those with any rule result, then the others in profile order. Samples without a
 * column are always kept. A pure function; thread-safe.
 */
final class ColumnSeriesCap {
    private static final String COLUMN = "column";

    private ColumnSeriesCap() {
    }

    /** @param max the columns that keep their series (0: none) */
    static Capped apply(List<MetricSample> samples, int max) {
        Set<String> ranked = new LinkedHashSet<>();
        String status = LatestMetric.RULE_STATUS.prometheusName();
        samples.stream().filter(s -> s.name().equals(status) && s.value() > Status.PASS.code()).forEach(s -> add(ranked, s));
        samples.stream().filter(s -> s.name().equals(status)).forEach(s -> add(ranked, s));
        samples.forEach(s -> add(ranked, s));
        if (ranked.size() <= max) {
            return new Capped(samples, 0);
        }
        Set<String> kept = new LinkedHashSet<>(new ArrayList<>(ranked).subList(0, max));
        List<MetricSample> left = samples.stream().filter(s -> column(s).isEmpty() || kept.contains(column(s))).toList();
        return new Capped(left, ranked.size() - max);
    }

    private static void add(Set<String> columns, MetricSample sample) {
        String column = column(sample);
        if (!column.isEmpty()) {
            columns.add(column);
        }
    }

    private static String column(MetricSample sample) {
        String value = sample.tags().stream().filter(tag -> tag.getKey().equals(COLUMN)).map(tag -> tag.getValue())
                .findFirst().orElse("");
        return value;
    }

    /** The samples kept, and how many columns lost their series. */
    record Capped(List<MetricSample> samples, int droppedColumns) {
    }
}
