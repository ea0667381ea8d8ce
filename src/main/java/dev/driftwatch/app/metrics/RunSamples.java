package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.LabelSummary;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.TagSummary;
import dev.driftwatch.engine.profile.ValueCount;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the report of a successful run into the gauge samples of {@link LatestMetric}: the picture of
 * the dataset's latest evaluated snapshot. A pure function; thread-safe.
 */
public final class RunSamples {
    /** The classes (or tags) per split with a series of their own; the others have none, so series stay few. */
    static final int TOP_CLASSES = 10;

    private RunSamples() {
    }

    /** Every snapshot-family sample of a run; see {@link LatestMetric#SNAPSHOT_FAMILIES}. */
    public static List<MetricSample> of(RunReport report) {
        String dataset = report.dataset();
        Map<String, MetricSample> samples = new LinkedHashMap<>();
        for (SplitProfile split : report.profile().splits().values()) {
            put(samples, LatestMetric.SPLIT_ROWS.sample(split.rows(), dataset, split.split()));
            split.labels().filter(labels -> Double.isFinite(labels.imbalanceRatio())).ifPresent(labels -> put(samples,
                    LatestMetric.LABEL_IMBALANCE_RATIO.sample(labels.imbalanceRatio(), dataset, split.split(), labels.column())));
            addClasses(samples, dataset, split);
            for (ColumnProfile column : split.columns().values()) {
                put(samples, LatestMetric.COLUMN_MISSING_RATIO.sample(column.missingRatio(), dataset, split.split(),
                        column.column()));
                put(samples, LatestMetric.COLUMN_DISTINCT.sample(column.distinct(), dataset, split.split(), column.column()));
            }
        }
        put(samples, LatestMetric.DUPLICATE_ROWS.sample(report.profile().duplicates().duplicateRows(), dataset));
        for (RuleResult result : report.results()) {
            addRule(samples, report, result);
        }
        AnomalySamples.of(report).forEach(sample -> put(samples, sample));
        var snapshot = report.snapshot();
        Instant modified = snapshot.provenance().modifiedAt();
        if (modified != null) {
            put(samples, LatestMetric.SNAPSHOT_TIMESTAMP.sample(seconds(modified), dataset));
        }
        var reads = report.profile().reads();
        put(samples, LatestMetric.READ_REJECTED_ROWS.sample(reads.rowsRejected(), dataset));
        reads.byKind().forEach((kind, rows) -> put(samples, LatestMetric.READ_PROBLEMS.sample(rows, dataset, kind)));
        put(samples, LatestMetric.RUN_STATUS.sample(report.status().code(), dataset));
        put(samples, LatestMetric.RUN_DURATION.sample(report.duration().toNanos() / 1e9, dataset));
        put(samples, LatestMetric.LAST_SUCCESS_TIMESTAMP.sample(seconds(report.finishedAt()), dataset));
        return new ArrayList<>(samples.values());
    }

    private static void addClasses(Map<String, MetricSample> samples, String dataset, SplitProfile split) {
        Optional<LabelSummary> labels = split.labels();
        String column = labels.map(LabelSummary::column).orElseGet(() -> split.tags().map(TagSummary::column).orElse(null));
        List<ValueCount> classes = labels.map(l -> l.counts().entrySet().stream()
                        .map(e -> new ValueCount(e.getKey(), e.getValue())).toList())
                .orElseGet(() -> split.tags().map(TagSummary::frequencies).orElse(List.of()));
        classes.stream()
                .sorted(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value))
                .limit(TOP_CLASSES)
                .forEach(c -> put(samples, LatestMetric.CLASS_ROWS.sample(c.count(), dataset, split.split(), column, c.value())));
    }

    /** Unix seconds with millisecond precision, as Prometheus timestamps are usually written. */
    public static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static void addRule(Map<String, MetricSample> samples, RunReport report, RuleResult result) {
        String dataset = report.dataset();
        String check = ResultCheck.of(result);
        String column = ResultCheck.column(result);
        put(samples, LatestMetric.RULE_STATUS.sample(result.status().code(), dataset, result.rule(), result.kind(),
                check, column, result.split(), result.severity().id()));
        if (result.observed() == null || !Double.isFinite(result.observed())) {
            return;
        }
        double observed = result.observed();
        put(samples, LatestMetric.RULE_OBSERVED.sample(observed, dataset, result.rule(), result.kind(), check,
                column, result.split()));
        if (result.threshold() != null && Double.isFinite(result.threshold())) {
            put(samples, LatestMetric.RULE_THRESHOLD.sample(result.threshold(), dataset, result.rule(), result.kind(),
                    check, column, result.split()));
        }
        RuleKindMetric.of(result.kind()).ifPresent(metric ->
                metric.samples(report, result, observed).forEach(sample -> put(samples, sample)));
    }

    /** Two rules measuring the same thing keep the worst (largest) value rather than a random one. */
    private static void put(Map<String, MetricSample> samples, MetricSample sample) {
        String key = sample.name() + sample.tags();
        samples.merge(key, sample, (a, b) -> a.value() >= b.value() ? a : b);
    }
}
