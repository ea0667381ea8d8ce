package dev.driftwatch.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.app.alert.Await;
import dev.driftwatch.app.alert.ExternalProcess;
import dev.driftwatch.app.alert.HttpJson;
import dev.driftwatch.app.alert.RequiredTool;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus scrapes a service closed to anonymous readers with the read-only metrics token, from a file as
 * the README's scrape configuration does; the same job without the token is refused. Needs prometheus (fails under
 * CI=true when absent).
 */
class PrometheusScrapeTokenTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void prometheusScrapesWithTheMetricsTokenAndIsRefusedWithoutIt() throws Exception {
        Path binary = new RequiredTool("prometheus").path();
        Path tmp = TemporaryFolders.create("driftwatch-scrape");
        Path tokenFile = Files.writeString(tmp.resolve("driftwatch-metrics.token"), AccessControlTest.METRICS_TOKEN + "\n");
        int servicePort = ExternalProcess.freePort();
        int prometheusPort = ExternalProcess.freePort();
        Path config = Files.writeString(tmp.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 2s
                  scrape_timeout: 2s
                scrape_configs:
                  - job_name: with-token
                    metrics_path: /prometheus
                    authorization:
                      credentials_file: %s
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                  - job_name: without-token
                    metrics_path: /prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(tokenFile, servicePort, servicePort));
        try (var server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", servicePort,
                "driftwatch.rules", Files.createDirectories(tmp.resolve("rules")).toString(),
                "driftwatch.security.anonymous-read", "false",
                "driftwatch.security.metrics-token", AccessControlTest.METRICS_TOKEN), "test");
             var prometheus = ExternalProcess.start(List.of(binary.toString(), "--config.file=" + config,
                     "--storage.tsdb.path=" + Files.createDirectories(tmp.resolve("prom-data")),
                     "--web.listen-address=127.0.0.1:" + prometheusPort), tmp.resolve("prometheus.log"))) {
            String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
            // a first scrape may time out on a busy machine; what counts is that the token's job comes up
            Map<String, JsonNode> byJob = Await.until(LIMIT, "the job with the token up, the one without down", () -> {
                if (!prometheus.alive()) {
                    throw new AssertionError("expected a running Prometheus but it exited; " + prometheus.output());
                }
                Map<String, JsonNode> targets = new java.util.HashMap<>();
                try {
                    HttpJson.get(api + "targets").at("/data/activeTargets")
                            .forEach(target -> targets.put(target.at("/labels/job").asText(), target));
                } catch (RuntimeException notReady) {
                    return Optional.empty();
                }
                boolean settled = targets.size() == 2 && targets.get("with-token").get("health").asText().equals("up")
                        && !targets.get("without-token").get("lastError").asText().isEmpty();
                return settled ? Optional.of(targets) : Optional.empty();
            });

            assertThat(byJob.get("without-token").get("health").asText()).isEqualTo("down");
            assertThat(byJob.get("without-token").get("lastError").asText())
                    .isEqualTo("server returned HTTP status 401 Unauthorized");
            JsonNode samples = HttpJson.get(api + "query?query="
                    + HttpJson.encode("scrape_samples_scraped{job=\"with-token\"}")).at("/data/result/0/value/1");
            assertThat(Double.parseDouble(samples.asText())).as("samples in one scrape").isPositive();
        }
    }
}
