package dev.driftwatch.app.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.app.alert.Await;
import dev.driftwatch.app.alert.ExternalProcess;
import dev.driftwatch.app.alert.HttpJson;
import dev.driftwatch.app.alert.RequiredTool;
import dev.driftwatch.app.events.RunFinished;
import dev.driftwatch.app.metrics.PimaRuns;
import dev.driftwatch.app.metrics.RuleKinds;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain for real, on loopback: the service (embedded server, H2 in a temp folder, a temp rules
 * folder whose Pima dataset fails a rule) is scraped by a real Prometheus that loads
 * grafana/prometheus/driftwatch-alerts.yml, and pushes to a real Alertmanager. Every dashboard query is
 * run against that Prometheus. Needs prometheus and prometheus-alertmanager (fails under CI=true when absent).
 */
class ObservabilityEndToEndTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);

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
        Files.writeString(rules.resolve("pima.yaml"), PimaRuns.rulesYaml(snapshots, 0.04));
        int servicePort = ExternalProcess.freePort();
        int prometheusPort = ExternalProcess.freePort();
        int alertmanagerPort = ExternalProcess.freePort();
        String service = "http://127.0.0.1:" + servicePort;
        String prometheus = "http://127.0.0.1:" + prometheusPort;
        String alertmanager = "http://127.0.0.1:" + alertmanagerPort;

        try (ExternalProcess am = startAlertmanager(alertmanagerBinary, alertmanagerPort);
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                     "micronaut.server.port", servicePort,
                     "datasources.default.url", "jdbc:h2:file:" + tmp.resolve("db/driftwatch"),
                     "driftwatch.rules", rules.toString(),
                     "driftwatch.tick", "1s",
                     "driftwatch.interval", "1s",
                     "driftwatch.public-url", service,
                     "driftwatch.alerts.alertmanager-url", alertmanager,
                     "driftwatch.alerts.repeat-interval", "2s"));
             ExternalProcess prom = startPrometheus(prometheusBinary, prometheusPort, servicePort)) {
            publishARunOfEveryComparisonKind(server);

            JsonNode firing = Await.until(LIMIT, "DriftwatchRuleFailing firing in Prometheus for pima/vitals-measured",
                    () -> prometheusAlert(prometheus, "DriftwatchRuleFailing", "vitals-measured")
                            .filter(alert -> alert.get("state").asText().equals("firing")));
            assertThat(firing.get("labels").get("column").asText()).isEqualTo("BloodPressure");
            assertThat(firing.get("labels").get("severity").asText()).isEqualTo("critical");

            List<String> empty = new ArrayList<>();
            for (DashboardQueries.Query query : DashboardQueries.all()) {
                for (String dataset : List.of("pima", "kinds")) {
                    if (dataset.equals("pima") && ComparisonKinds.needed(query.expr())) {
                        continue; // the Pima rules file has no comparison rules; the "kinds" run covers these
                    }
                    try {
                        Await.until(Duration.ofSeconds(30), "data for " + query, () -> data(prometheus, query.substituted(dataset)));
                    } catch (AssertionError e) {
                        empty.add(dataset + ": " + query + " (" + e.getMessage() + ")");
                    }
                }
            }
            assertThat(empty).as(prom.output()).isEmpty();

            JsonNode pushed = Await.until(LIMIT, "the pushed DriftwatchRuleViolated alert in Alertmanager",
                    () -> alertmanagerAlert(alertmanager, "vitals-measured"));
            assertThat(pushed.get("labels").get("dataset").asText()).isEqualTo("pima");
            assertThat(pushed.get("labels").get("column").asText()).isEqualTo("BloodPressure");
            assertThat(pushed.get("labels").get("status").asText()).isEqualTo("fail");
            assertThat(pushed.get("annotations").get("observed").asDouble()).isCloseTo(35.0 / 768,
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(pushed.get("annotations").get("run_url").asText()).startsWith(service + "/api/runs/");
            assertThat(pushed.get("status").get("state").asText()).isEqualTo("active");

            Files.copy(PimaRuns.SNAPSHOTS.resolve("pima-01.csv"), snapshots.resolve("pima-04.csv"));
            Await.until(LIMIT, "the pushed alert resolved in Alertmanager",
                    () -> alertmanagerAlert(alertmanager, "vitals-measured").isEmpty() ? Optional.of(true) : Optional.empty());
            Await.until(LIMIT, "DriftwatchRuleFailing gone from Prometheus",
                    () -> prometheusAlert(prometheus, "DriftwatchRuleFailing", "vitals-measured").isEmpty()
                            ? Optional.of(true) : Optional.empty());
            assertThat(am.alive()).as(am.output()).isTrue();
        }
    }

    /**
     * Publishes, as the scheduler does, a run of dataset "kinds" with a result of every comparison rule
     * kind (drift, unseen tags, conflicting labels, leakage), so the dashboard panels about them have data.
     */
    private void publishARunOfEveryComparisonKind(EmbeddedServer server) throws IOException {
        var pima = PimaRuns.evaluate(Files.createDirectories(tmp.resolve("kinds")), "pima-03.csv", 0.04);
        var report = RuleKinds.withEveryKind(pima, "kinds");
        server.getApplicationContext().getEventPublisher(RunFinished.class)
                .publishEvent(new RunFinished("kinds", 1_000_000, report.snapshot().id(), report, null, Instant.now()));
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

    private ExternalProcess startPrometheus(Path binary, int port, int servicePort) throws IOException {
        Path rulesFile = Path.of("grafana/prometheus/driftwatch-alerts.yml").toAbsolutePath();
        Path config = Files.writeString(tmp.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: driftwatch
                    metrics_path: /prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(rulesFile, servicePort));
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

    private static Optional<JsonNode> prometheusAlert(String prometheus, String name, String rule) {
        for (JsonNode alert : HttpJson.get(prometheus + "/api/v1/alerts").get("data").get("alerts")) {
            JsonNode labels = alert.get("labels");
            if (labels.get("alertname").asText().equals(name) && labels.path("dataset").asText().equals("pima")
                    && labels.path("rule").asText().equals(rule)) {
                return Optional.of(alert);
            }
        }
        return Optional.empty();
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
            return Stream.of("driftwatch_drift_score", "driftwatch_unseen_tag_ratio", "driftwatch_leaked_rows",
                    "driftwatch_conflicting_label_groups", "driftwatch_new_tag").anyMatch(expr::contains);
        }
    }
}
