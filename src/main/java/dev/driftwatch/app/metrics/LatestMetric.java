package dev.driftwatch.app.metrics;

import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The gauges that describe the latest run of each dataset: their Prometheus names, HELP texts and
 * label names. Every series of one metric has the same label names (Prometheus requires it); an absent
 * column or split is the empty label value, which PromQL treats as no label.
 */
public enum LatestMetric {
    RULE_STATUS("driftwatch_rule_status",
            "State of each rule result of the latest run: 0 pass, 1 warn, 2 fail, 3 error (could not be evaluated), "
                    + "-1 skipped (no reference to compare with yet)",
            "dataset", "rule", "kind", "check", "column", "split", "severity"),
    RULE_OBSERVED("driftwatch_rule_observed", "Value a rule measured in the latest run (its unit depends on the rule kind)",
            "dataset", "rule", "kind", "check", "column", "split"),
    RULE_THRESHOLD("driftwatch_rule_threshold", "Limit a rule held its observed value to in the latest run",
            "dataset", "rule", "kind", "check", "column", "split"),
    ANOMALY_EXPECTED_LOWER("driftwatch_anomaly_expected_lower",
            "Lower end of the range an anomaly rule expected its figure in (driftwatch_rule_observed), latest run",
            "dataset", "rule", "column", "split"),
    ANOMALY_EXPECTED_UPPER("driftwatch_anomaly_expected_upper",
            "Upper end of the range an anomaly rule expected its figure in (driftwatch_rule_observed), latest run",
            "dataset", "rule", "column", "split"),
    SPLIT_ROWS("driftwatch_split_rows", "Rows per split of the latest evaluated snapshot", "dataset", "split"),
    COLUMN_MISSING_RATIO("driftwatch_column_missing_ratio",
            "Share of rows (0..1) where a column is null, empty, blank or a missing token, in the latest snapshot",
            "dataset", "split", "column"),
    COLUMN_DISTINCT("driftwatch_column_distinct",
            "Distinct values of a column in the latest snapshot (HyperLogLog estimate, exact for small counts)",
            "dataset", "split", "column"),
    DUPLICATE_ROWS("driftwatch_duplicate_rows",
            "Rows of the latest snapshot that repeat an earlier row in every column but the split column", "dataset"),
    LABEL_IMBALANCE_RATIO("driftwatch_label_imbalance_ratio",
            "Rows of the most common class over rows of the rarest, per split, in the latest snapshot (the label column, "
                    + "or a tags column with one tag per row)", "dataset", "split", "column"),
    CLASS_ROWS("driftwatch_class_rows",
            "Rows of each of the " + RunSamples.TOP_CLASSES + " most frequent classes per split in the latest snapshot "
                    + "(values of the label column, or tags of the tags column; no series for the others)",
            "dataset", "split", "column", "class"),
    DRIFT_DISTANCE("driftwatch_drift_distance",
            "Distribution shift of a column against the reference, by method, higher meaning more drift: PSI, the "
                    + "Wasserstein-1 distance over the reference's standard deviation, the JS distance, KS D, Cramér's V "
                    + "(chi2), the unseen-word share (oov)",
            "dataset", "split", "column", "method"),
    DRIFT_P_VALUE("driftwatch_drift_p_value",
            "Benjamini-Hochberg adjusted p-value of a drift test (ks, chi2) of a column against the reference; lower "
                    + "means stronger evidence of drift",
            "dataset", "split", "column", "method"),
    UNSEEN_TAG_RATIO("driftwatch_unseen_tag_ratio",
            "Share of rows with a tag whose tags include one outside the vocabulary (unseen_tags rules)",
            "dataset", "split", "column"),
    NEW_TAGS("driftwatch_new_tags", "Tags not seen in the reference (unseen_tags rules)", "dataset", "split", "column"),
    NEW_TAG_ROWS("driftwatch_new_tag_rows",
            "Rows carrying each of the few most frequent new tags (unseen_tags rules; at most the rule's evidence count)",
            "dataset", "column", "tag"),
    CONFLICTING_LABEL_GROUPS("driftwatch_conflicting_label_groups",
            "Inputs that appear with different labels (conflicting_labels rules); column is the label column",
            "dataset", "split", "column"),
    LEAKED_ROWS("driftwatch_leaked_rows",
            "Rows of a split also found in an earlier split (split_leakage rules), by how they were matched",
            "dataset", "split", "method"),
    METRIC_COLUMNS_DROPPED("driftwatch_metric_columns_dropped",
            "Columns of the latest snapshot without per-column series, beyond driftwatch.metrics.max-columns-per-dataset",
            "dataset"),
    SNAPSHOT_TIMESTAMP("driftwatch_snapshot_timestamp_seconds",
            "Newest modification time of the latest evaluated snapshot's files (Unix seconds)", "dataset"),
    READ_REJECTED_ROWS("driftwatch_read_rejected_rows", "Rows of the latest snapshot that could not be read",
            "dataset"),
    READ_PROBLEMS("driftwatch_read_problems", "Rows of the latest snapshot that could not be read, by kind of problem",
            "dataset", "kind"),
    RUN_STATUS("driftwatch_run_status", "Worst rule status of the latest successful run: 0 pass (also when some results were skipped), 1 warn, "
                    + "2 fail, 3 error",
            "dataset"),
    RUN_DURATION("driftwatch_run_duration_seconds", "Duration of the latest successful run (profiling and rules)",
            "dataset"),
    LAST_SUCCESS_TIMESTAMP("driftwatch_last_success_timestamp_seconds",
            "End of the latest successful run (Unix seconds)", "dataset"),
    LAST_RUN_TIMESTAMP("driftwatch_last_run_timestamp_seconds", "End of the latest run, successful or not (Unix seconds)",
            "dataset"),
    LAST_RUN_FAILED("driftwatch_last_run_failed", "1 when the latest run of the dataset failed before its rules ran, else 0",
            "dataset"),
    LAST_CHECK_TIMESTAMP("driftwatch_last_check_timestamp_seconds",
            "When the service last looked for new snapshots of the dataset, whether it found any or not (Unix seconds)",
            "dataset"),
    NEWEST_SNAPSHOT_TIMESTAMP("driftwatch_newest_snapshot_timestamp_seconds",
            "Newest modification time of the files of the newest complete snapshot found by the last check (Unix seconds)",
            "dataset"),
    MAX_SNAPSHOT_AGE("driftwatch_max_snapshot_age_seconds",
            "How old the newest snapshot may grow before data counts as stopped (schedule.max_snapshot_age of the rules "
                    + "file; no series when it is not set)", "dataset"),
    RULES_FILE_VALID("driftwatch_rules_file_valid",
            "1 when the dataset's rules file loads, 0 while it is broken (its last stored results are still served)",
            "dataset", "file");

    /** The metrics a successful run replaces as a whole (the snapshot's picture). */
    public static final Set<String> SNAPSHOT_FAMILIES = Stream.of(values())
            .filter(metric -> metric != LAST_RUN_TIMESTAMP && metric != LAST_RUN_FAILED && metric != LAST_CHECK_TIMESTAMP
                    && metric != NEWEST_SNAPSHOT_TIMESTAMP && metric != MAX_SNAPSHOT_AGE && metric != RULES_FILE_VALID)
            .map(LatestMetric::prometheusName).collect(Collectors.toUnmodifiableSet());

    private final String prometheusName;
    private final String help;
    private final List<String> labels;

    LatestMetric(String prometheusName, String help, String... labels) {
        this.prometheusName = prometheusName;
        this.help = help;
        this.labels = List.of(labels);
    }

    public String prometheusName() {
        return prometheusName;
    }

    public List<String> labels() {
        return labels;
    }

    /** A sample of this metric; {@code labelValues} in the order of {@link #labels()}, null meaning empty. */
    public MetricSample sample(double value, String... labelValues) {
        if (labelValues.length != labels.size()) {
            throw new IllegalArgumentException("expected " + labels.size() + " label values for " + prometheusName
                    + " but found " + labelValues.length);
        }
        Tags tags = Tags.empty();
        for (int i = 0; i < labelValues.length; i++) {
            tags = tags.and(labels.get(i), labelValues[i] == null ? "" : labelValues[i]);
        }
        return new MetricSample(prometheusName, help, tags, value);
    }
}
