package dev.driftwatch.app.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.app.alert.Await;
import dev.driftwatch.app.alert.ExternalProcess;
import dev.driftwatch.app.alert.HttpJson;
import dev.driftwatch.app.alert.RequiredTool;
import dev.driftwatch.app.metrics.PimaRuns;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain for real, on loopback: the service (embedded server, H2 in a temp folder, a temp rules
 * folder whose Pima dataset fails a rule, next to the shipped Made With ML split example whose two snapshots
 * the scheduler evaluates in order, the older one as reference) is scraped by a real Prometheus that loads
 * grafana/prometheus/driftwatch-alerts.yml, and pushes to a real Alertmanager. Every dashboard query is
 * run against that Prometheus and must have data from these real runs. Prometheus sends its own alerts to the same
 * Alertmanager, so the test sees that a failing result reaches Alertmanager once. Needs prometheus and prometheus-alertmanager (fails under CI=true when absent).
 */
class ObservabilityEndToEndTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String SPLIT_DATASET = "madewithml-split";
    private static final Path SPLIT_EXAMPLE = Path.of("src/examples/madewithml-split").toAbsolutePath();

    @TempDir
    Path tmp;

    // pima-03.csv: 35 of 768 BloodPressure values are 0 (awk) = 0.0456 > 0.04: vitals-measured fails.
    // pima-01.csv: 9 of 256 = 0.0352 <= 0.04: it passes. Copied as pima-04.csv it is the newer snapshot.
    @Test
    void aFailingRuleFiresInPrometheusAndAlertmanagerEveryDashboardQueryHasDataAndThePassingSnapshotResolvesIt()
            throws Exception {
        Path prometheusBinary = new RequiredTool("prometheus").path();
        Path alertmanagerBinary = new RequiredTool("prometheus-alertmanager").path();
        Path snapshots = Files.createDirectories(tmp.resolve("snapshots"));
        Files.copy(PimaRuns.SNAPSHOTS.resolve("pima-03.csv"), snapshots.resolve("pima-03.csv"));
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        // a comparison rule on a dataset's first snapshot is skipped (nothing to compare with yet) and must not fire
        Files.writeString(rules.resolve("pima.yaml"), PimaRuns.rulesYaml(snapshots, 0.04) + """
                  - name: drift
                    kind: distribution_shift
                    severity: error
                """);
        Files.writeString(rules.resolve("madewithml-split.yaml"), madeWithMlSplitRules());
        int servicePort = ExternalProcess.freePort();
        int prometheusPort = ExternalProcess.freePort();
        int alertmanagerPort = ExternalProcess.freePort();
        String service = "http://127.0.0.1:" + servicePort;
        String prometheus = "http://127.0.0.1:" + prometheusPort;
        String alertmanager = "http://127.0.0.1:" + alertmanagerPort;

        try (ExternalProcess am = startAlertmanager(alertmanagerBinary, alertmanagerPort);
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, merged(Map.of(
                     "micronaut.server.port", servicePort,
                     "datasources.default.url", "jdbc:h2:file:" + tmp.resolve("db/driftwatch"),
                     "driftwatch.rules", rules.toString(),
                     "driftwatch.data-roots", tmp + "," + Path.of("").toAbsolutePath(),
                     "driftwatch.scheduler.enabled", "true",
                     "driftwatch.tick", "1s",
                     "driftwatch.interval", "1s",
                     "driftwatch.public-url", service,
                     "driftwatch.alerts.alertmanager-url", alertmanager,
                     "driftwatch.alerts.repeat-interval", "2s"), Map.of(
                     "driftwatch.alerts.grafana-url", "http://grafana.example:3000")));
             ExternalProcess prom = startPrometheus(prometheusBinary, prometheusPort, servicePort, alertmanagerPort)) {
            assertOneAlertPerFailingResultWithTheRulesSeverityAndNoneForASkippedOne(prometheus, alertmanager, service);

            List<String> empty = new ArrayList<>();
            for (DashboardQueries.Query query : DashboardQueries.all()) {
                for (String dataset : List.of("pima", SPLIT_DATASET)) {
                    if (dataset.equals("pima") && ComparisonKinds.needed(query.expr())) {
                        continue; // the Pima rules file has no comparison rules; the Made With ML split runs cover these
                    }
                    try {
                        Await.until(Duration.ofSeconds(30), "data for " + query, () -> data(prometheus, query.substituted(dataset)));
                    } catch (AssertionError e) {
                        empty.add(dataset + ": " + query + " (" + e.getMessage() + ")");
                    }
                }
            }
            assertThat(empty).as(prom.output()).isEmpty();
            assertTheNewTagOfTheLatestSplitSnapshot(prometheus);

            JsonNode pushed = Await.until(LIMIT, "the pushed DriftwatchRuleViolated alert in Alertmanager",
                    () -> alertmanagerAlert(alertmanager, "vitals-measured"));
            assertThat(pushed.get("labels").get("dataset").asText()).isEqualTo("pima");
            assertThat(pushed.get("labels").get("column").asText()).isEqualTo("BloodPressure");
            assertThat(pushed.get("labels").get("status").asText()).isEqualTo("fail");
            assertThat(pushed.get("annotations").get("observed").asDouble()).isCloseTo(35.0 / 768,
                    org.assertj.core.data.Offset.offset(1e-9));
            String runUrl = pushed.get("annotations").get("run_url").asText();
            assertThat(runUrl).startsWith(service + "/api/runs/");
            assertThat(HttpJson.text(runUrl)).as("the run the alert links to").contains("vitals-measured");
            assertThat(pushed.get("status").get("state").asText()).isEqualTo("active");

            Files.copy(PimaRuns.SNAPSHOTS.resolve("pima-01.csv"), snapshots.resolve("pima-04.csv"));
            Await.until(LIMIT, "the pushed alert resolved in Alertmanager",
                    () -> alertmanagerAlert(alertmanager, "vitals-measured").isEmpty() ? Optional.of(true) : Optional.empty());
            assertThat(am.alive()).as(am.output()).isTrue();
        }
    }

    /**
     * Prometheus evaluates its rules against the real series while the service pushes: Alertmanager must hold exactly
     * one alert for the failing result, named DriftwatchRuleViolated with the rule's severity (error), and none for
     * the skipped drift result of the first snapshot, whose status code in Prometheus is -1.
     */
    private static void assertOneAlertPerFailingResultWithTheRulesSeverityAndNoneForASkippedOne(String prometheus,
                                                                                              String alertmanager,
                                                                                              String service) {
        Await.until(LIMIT, "the failing result's status in Prometheus", () -> data(prometheus,
                "driftwatch_rule_status{dataset=\"pima\",rule=\"vitals-measured\"} == 2"));
        JsonNode skipped = Await.until(LIMIT, "the skipped drift result in Prometheus", () -> data(prometheus,
                "driftwatch_rule_status{dataset=\"pima\",rule=\"drift\"}"));
        assertThat(skipped).allSatisfy(series -> assertThat(series.get("value").get(1).asDouble()).isEqualTo(-1.0));
        Await.until(LIMIT, "the pushed alert in Alertmanager", () -> alertmanagerAlert(alertmanager, "vitals-measured"));
        // Prometheus has evaluated every rule group (every second) for at least five seconds since the series were there
        java.time.Instant seen = java.time.Instant.now();
        Await.until(LIMIT, "every rule group evaluated five seconds after the failing series appeared", () -> {
            for (JsonNode group : HttpJson.get(prometheus + "/api/v1/rules").get("data").get("groups")) {
                if (java.time.Instant.parse(group.get("lastEvaluation").asText()).isBefore(seen.plusSeconds(5))) {
                    return Optional.empty();
                }
            }
            return Optional.of(true);
        });
        List<JsonNode> forTheResult = new ArrayList<>();
        for (JsonNode alert : HttpJson.get(alertmanager + "/api/v2/alerts")) {
            JsonNode labels = alert.get("labels");
            if (labels.path("dataset").asText().equals("pima") && labels.path("rule").asText().equals("vitals-measured")) {
                forTheResult.add(alert);
            }
            assertThat(labels.path("dataset").asText() + "/" + labels.path("rule").asText())
                    .as("no alert for a skipped result: " + alert).isNotEqualTo("pima/drift");
        }
        assertThat(forTheResult).hasSize(1);
        JsonNode only = forTheResult.get(0);
        assertThat(only.get("labels").get("alertname").asText()).isEqualTo("DriftwatchRuleViolated");
        assertThat(only.get("labels").get("severity").asText()).isEqualTo("error");
        assertThat(only.get("annotations").get("threshold").asText()).isEqualTo("0.04");
        assertThat(only.get("annotations").get("summary").asText()).isEqualTo("pima: rule vitals-measured fails on BloodPressure in split all");
        assertThat(only.get("annotations").get("dashboard_url").asText())
                .isEqualTo("http://grafana.example:3000/d/driftwatch-dataset?var-dataset=pima");
        String runbook = only.get("annotations").get("runbook_url").asText();
        assertThat(runbook).isEqualTo(service + "/docs/alerts#driftwatchruleviolated");
        assertThat(HttpJson.text(runbook.substring(0, runbook.indexOf('#')))).contains("\n## DriftwatchRuleViolated\n");
        assertThat(prometheusAlerts(prometheus)).as("Prometheus raises no alert of its own for rule results")
                .noneMatch(alert -> alert.get("labels").has("rule"));
    }

    /**
     * rules/madewithml-split.yaml with its relative paths made absolute, as the temp rules folder is elsewhere.
     */
    private static String madeWithMlSplitRules() throws IOException {
        String yaml = Files.readString(Path.of("rules/madewithml-split.yaml"));
        String adapted = yaml.replace("source: ../src/examples/madewithml-split/snapshots", "source: " + SPLIT_EXAMPLE.resolve("snapshots"))
                .replace("file: ../src/examples/madewithml-split/tags.json", "file: " + SPLIT_EXAMPLE.resolve("tags.json"));
        assertThat(adapted).as("the example's paths, made absolute").doesNotContain("../src/examples");
        assertThat(adapted).as("the rules list ends the file").endsWith("    severity: warn\n");
        // s25 judged against s24 (764 train, 191 test rows each): the band 687.6 … 840.4 and 171.9 … 210.1
        return adapted + """
                  - name: rows-anomaly
                    kind: anomaly
                    metric: row_count
                    strategy: relative_change
                    max_decrease: 0.1
                    max_increase: 0.1
                    min_history: 1
                """;
    }

    // Python's csv module over s24 (both files) and s25: tag "other" is absent from s24 and from tags.json;
    // s25 carries it on 106 of 764 train rows and 26 of 191 test rows, 132 of 955 rows in all.
    private static void assertTheNewTagOfTheLatestSplitSnapshot(String prometheus) {
        JsonNode rows = Await.until(LIMIT, "new tag rows of " + SPLIT_DATASET, () -> data(prometheus,
                "driftwatch_new_tag_rows{dataset=\"" + SPLIT_DATASET + "\"}"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("metric").get("tag").asText()).isEqualTo("other");
        assertThat(rows.get(0).get("value").get(1).asDouble()).isEqualTo(132.0);
        JsonNode snapshot = Await.until(LIMIT, "snapshot of " + SPLIT_DATASET, () -> data(prometheus,
                "driftwatch_snapshot_timestamp_seconds{dataset=\"" + SPLIT_DATASET + "\"}"));
        assertThat(snapshot).as("one series per dataset, no snapshot label").hasSize(1);
        assertThat(snapshot.get(0).get("metric").has("snapshot")).isFalse();
        JsonNode runs = Await.until(LIMIT, "two runs of " + SPLIT_DATASET, () -> data(prometheus,
                "sum(driftwatch_runs_total{dataset=\"" + SPLIT_DATASET + "\"}) == 2"));
        assertThat(runs).as("s24, then s25 against it").hasSize(1);
    }

    private ExternalProcess startAlertmanager(Path binary, int port) throws IOException {
        Path config = Files.writeString(tmp.resolve("alertmanager.yml"), """
                route:
                  receiver: nowhere
                  group_wait: 1s
                  group_interval: 1s
                receivers:
                  - name: nowhere
                """);
        ExternalProcess process = ExternalProcess.start(List.of(binary.toString(), "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(tmp.resolve("am-data")),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="), tmp.resolve("alertmanager.log"));
        awaitReady(process, "http://127.0.0.1:" + port + "/-/ready");
        return process;
    }

    private ExternalProcess startPrometheus(Path binary, int port, int servicePort, int alertmanagerPort) throws IOException {
        Path rulesFile = Path.of("grafana/prometheus/driftwatch-alerts.yml").toAbsolutePath();
        Path config = Files.writeString(tmp.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                  external_labels:
                    driftwatch_url: http://127.0.0.1:%d
                    grafana_url: http://grafana.example:3000
                rule_files:
                  - %s
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['127.0.0.1:%d']
                scrape_configs:
                  - job_name: driftwatch
                    metrics_path: /prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(servicePort, rulesFile, alertmanagerPort, servicePort));
        ExternalProcess process = ExternalProcess.start(List.of(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + Files.createDirectories(tmp.resolve("prom-data")),
                "--web.listen-address=127.0.0.1:" + port), tmp.resolve("prometheus.log"));
        awaitReady(process, "http://127.0.0.1:" + port + "/-/ready");
        return process;
    }

    private static void awaitReady(ExternalProcess process, String url) {
        try {
            Await.until(Duration.ofSeconds(30), url + " ready", () -> {
                if (!process.alive()) {
                    throw new AssertionError("expected a running process but it exited; " + process.output());
                }
                HttpJson.text(url);
                return Optional.of(true);
            });
        } catch (AssertionError e) {
            process.close();
            throw new AssertionError(e.getMessage() + "\n" + process.output(), e);
        }
    }

    private static Map<String, Object> merged(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> all = new java.util.HashMap<>(first);
        all.putAll(second);
        return all;
    }

    private static List<JsonNode> prometheusAlerts(String prometheus) {
        List<JsonNode> alerts = new ArrayList<>();
        HttpJson.get(prometheus + "/api/v1/alerts").get("data").get("alerts").forEach(alerts::add);
        return alerts;
    }

    private static Optional<JsonNode> alertmanagerAlert(String alertmanager, String rule) {
        for (JsonNode alert : HttpJson.get(alertmanager + "/api/v2/alerts")) {
            JsonNode labels = alert.get("labels");
            if (labels.get("alertname").asText().equals("DriftwatchRuleViolated")
                    && labels.path("dataset").asText().equals("pima") && labels.path("rule").asText().equals(rule)) {
                return Optional.of(alert);
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> data(String prometheus, String expr) {
        JsonNode result = HttpJson.get(prometheus + "/api/v1/query?query=" + HttpJson.encode(expr)).get("data").get("result");
        return result.isEmpty() ? Optional.empty() : Optional.of(result);
    }

    /** The metrics only comparison rule kinds produce. */
    private static final class ComparisonKinds {
        static boolean needed(String expr) {
            return Stream.of("driftwatch_drift_distance", "driftwatch_drift_p_value", "driftwatch_unseen_tag_ratio", "driftwatch_leaked_rows",
                    "driftwatch_conflicting_label_groups", "driftwatch_new_tag", "driftwatch_anomaly_expected").anyMatch(expr::contains);
        }
    }
}
