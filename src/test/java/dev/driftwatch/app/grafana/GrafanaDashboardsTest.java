package dev.driftwatch.app.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.app.metrics.LatestMetric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dashboards and provisioning files fit together; DashboardsAgainstPrometheusTest runs the queries. */
class GrafanaDashboardsTest {
    private static final Pattern METRIC = Pattern.compile("(?<![.<])\\bdriftwatch_[a-z_]+");

    @Test
    void thereIsAnOverviewAndADatasetDashboardWithADatasetVariable() {
        List<String> uids = DashboardQueries.files().stream().map(DashboardQueries::read)
                .map(d -> d.get("uid").asText()).toList();
        assertThat(uids).containsExactlyInAnyOrder("driftwatch-overview", "driftwatch-dataset");
        JsonNode dataset = DashboardQueries.read(DashboardQueries.DASHBOARDS.resolve("driftwatch-dataset.json"));
        JsonNode variable = dataset.get("templating").get("list").get(0);
        assertThat(variable.get("name").asText()).isEqualTo("dataset");
        assertThat(variable.get("query").get("query").asText()).startsWith("label_values(driftwatch_");
    }

    @Test
    void everyPanelUsesTheProvisionedDataSource() throws Exception {
        String provisioning = Files.readString(Path.of("grafana/provisioning/datasources/driftwatch.yml"));
        assertThat(provisioning).contains("uid: driftwatch-prometheus").contains("type: prometheus");
        for (Path file : DashboardQueries.files()) {
            for (JsonNode panel : DashboardQueries.read(file).get("panels")) {
                assertThat(panel.get("datasource").get("uid").asText()).as(file + " " + panel.get("title"))
                        .isEqualTo("driftwatch-prometheus");
                assertThat(panel.get("targets")).as(file + " " + panel.get("title")).isNotEmpty();
            }
        }
    }

    @Test
    void theDashboardProviderPointsAtTheDashboardsFolder() throws Exception {
        String provider = Files.readString(Path.of("grafana/provisioning/dashboards/driftwatch.yml"));
        assertThat(provider).contains("type: file").contains("path: ${DRIFTWATCH_DASHBOARDS}");
    }

    @Test
    void everyMetricADashboardOrAlertQueriesIsOneTheServicePublishes() throws Exception {
        Set<String> published = new HashSet<>(Stream.of(LatestMetric.values()).map(LatestMetric::prometheusName).toList());
        published.add("driftwatch_runs_total");
        // the series of the histogram RunCostMetrics publishes
        published.addAll(List.of("driftwatch_rule_duration_seconds_sum", "driftwatch_rule_duration_seconds_count"));
        List<String> texts = new ArrayList<>(DashboardQueries.all().stream().map(DashboardQueries.Query::expr).toList());
        texts.add(Files.readString(Path.of("grafana/prometheus/driftwatch-alerts.yml")));
        Set<String> queried = new HashSet<>();
        for (String text : texts) {
            Matcher matcher = METRIC.matcher(text);
            while (matcher.find()) {
                queried.add(matcher.group());
            }
        }
        assertThat(published).containsAll(queried);
        assertThat(queried).contains("driftwatch_rule_status", "driftwatch_split_rows", "driftwatch_column_missing_ratio",
                "driftwatch_drift_distance", "driftwatch_drift_p_value", "driftwatch_unseen_tag_ratio", "driftwatch_leaked_rows",
                "driftwatch_run_duration_seconds", "driftwatch_last_success_timestamp_seconds", "driftwatch_duplicate_rows", "driftwatch_class_rows",
                "driftwatch_column_distinct", "driftwatch_anomaly_expected_lower", "driftwatch_anomaly_expected_upper",
                "driftwatch_rule_duration_seconds_sum");
    }

    @Test
    void theAnomalyPanelShadesTheExpectedBandBetweenLowerAndUpperAroundTheObservedFigure() {
        JsonNode dashboard = DashboardQueries.read(DashboardQueries.DASHBOARDS.resolve("driftwatch-dataset.json"));
        JsonNode panel = null;
        for (JsonNode candidate : dashboard.get("panels")) {
            if (candidate.get("title").asText().equals("Anomaly figure and its expected band")) {
                panel = candidate;
            }
        }
        assertThat(panel).as("the anomaly band panel").isNotNull();
        Map<String, String> exprByLegend = new HashMap<>();
        panel.get("targets").forEach(t -> exprByLegend.put(t.get("legendFormat").asText(), t.get("expr").asText()));
        String selector = "{dataset=\"$dataset\", rule=~\"$anomaly_rule\"}";
        assertThat(exprByLegend).containsExactlyInAnyOrderEntriesOf(Map.of(
                "observed", "driftwatch_rule_observed" + selector,
                "lower", LatestMetric.ANOMALY_EXPECTED_LOWER.prometheusName() + selector,
                "upper", LatestMetric.ANOMALY_EXPECTED_UPPER.prometheusName() + selector));

        JsonNode upper = null;
        for (JsonNode override : panel.get("fieldConfig").get("overrides")) {
            if (override.get("matcher").get("options").asText().equals("upper")) {
                upper = override;
            }
        }
        assertThat(upper).as("an override of the upper series").isNotNull();
        List<String> fills = new ArrayList<>();
        upper.get("properties").forEach(p -> {
            if (p.get("id").asText().equals("custom.fillBelowTo")) {
                fills.add(p.get("value").asText());
            }
        });
        assertThat(fills).as("the band is filled from upper down to the lower series").containsExactly("lower");

        assertThat(panel.get("repeat").asText()).isEqualTo("anomaly_rule");
        JsonNode variable = null;
        for (JsonNode candidate : dashboard.get("templating").get("list")) {
            if (candidate.get("name").asText().equals("anomaly_rule")) {
                variable = candidate;
            }
        }
        assertThat(variable).as("the anomaly_rule variable the panel repeats over").isNotNull();
        // the rules with either end (a change strategy may have only one)
        assertThat(variable.get("query").get("query").asText()).isEqualTo("label_values({__name__=~\""
                + LatestMetric.ANOMALY_EXPECTED_LOWER.prometheusName() + "|" + LatestMetric.ANOMALY_EXPECTED_UPPER.prometheusName()
                + "\", dataset=\"$dataset\"}, rule)");
    }
}
