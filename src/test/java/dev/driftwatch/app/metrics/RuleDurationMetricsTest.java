package dev.driftwatch.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.alert.Await;
import dev.driftwatch.app.alert.ExternalProcess;
import dev.driftwatch.app.alert.HttpJson;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each rule and phase of a run cost, as histograms on {@code /prometheus} of a running service (H2). */
class RuleDurationMetricsTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void aRunShowsOneObservationPerRuleAndPhaseAndARemovedRuleLosesItsSeries() throws Exception {
        Path snapshots = Files.createDirectories(tmp.resolve("snapshots"));
        Files.copy(PimaRuns.SNAPSHOTS.resolve("pima-03.csv"), snapshots.resolve("pima-03.csv"));
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("pima.yaml"), PimaRuns.rulesYaml(snapshots, 0.04));

        try (EmbeddedServer server = start(rules)) {
            String url = "http://127.0.0.1:" + server.getPort() + "/prometheus";
            String scrape = Await.until(LIMIT, "the run's rule durations", () -> Optional.of(HttpJson.text(url))
                    .filter(text -> text.contains("driftwatch_rule_duration_seconds_count{")));

            // one snapshot, so one run: the rules file declares two rules, each observed once
            assertThat(RunMetricsPublisherTest.value(scrape, "driftwatch_runs_total", "outcome=\"succeeded\"")).isEqualTo(1.0);
            for (String rule : new String[] {"vitals-measured", "lab-values-measured"}) {
                String labels = "dataset=\"pima\",kind=\"missing_values\",rule=\"" + rule + "\"";
                assertThat(RunMetricsPublisherTest.value(scrape, "driftwatch_rule_duration_seconds_count", labels)).isEqualTo(1.0);
                assertThat(RunMetricsPublisherTest.value(scrape, "driftwatch_rule_duration_seconds_bucket",
                        labels + ",le=\"+Inf\"")).isEqualTo(1.0);
                assertThat(RunMetricsPublisherTest.value(scrape, "driftwatch_rule_duration_seconds_bucket",
                        labels + ",le=\"600.0\"")).isEqualTo(1.0);
                assertThat(RunMetricsPublisherTest.value(scrape, "driftwatch_rule_duration_seconds_sum", labels)).isPositive();
                assertThat(RunMetricsPublisherTest.value(scrape, "driftwatch_rule_cpu_seconds_total", labels))
                        .isGreaterThanOrEqualTo(0);
            }
            // the first snapshot has no reference: only its read and its judging
            for (String phase : new String[] {"snapshot", "rules"}) {
                assertThat(RunMetricsPublisherTest.value(scrape, "driftwatch_run_phase_duration_seconds_count",
                        "phase=\"" + phase + "\"")).isEqualTo(1.0);
            }
            assertThat(scrape).doesNotContain("phase=\"reference\"");

            // the stored run keeps its cost: the run page has the Time table with both rules
            String base = "http://127.0.0.1:" + server.getPort();
            long run = HttpJson.get(base + "/api/datasets/pima").at("/latestRun/id").asLong();
            String page = HttpJson.text(base + "/runs/" + run);
            assertThat(page).contains("<h2>Time</h2>");
            assertThat(page.substring(page.indexOf("<h2>Time</h2>"))).contains("vitals-measured", "lab-values-measured");

            Files.writeString(rules.resolve("pima.yaml"), PimaRuns.rulesYaml(snapshots, 0.04)
                    .replaceFirst("(?s)  - name: lab-values-measured.*", ""));
            String after = Await.until(LIMIT, "the removed rule's durations gone", () -> Optional.of(HttpJson.text(url))
                    .filter(text -> !text.contains("driftwatch_rule_duration_seconds_count{dataset=\"pima\",kind=\"missing_values\",rule=\"lab-values-measured\"")));
            assertThat(RunMetricsPublisherTest.value(after, "driftwatch_rule_duration_seconds_count",
                    "rule=\"vitals-measured\"")).isEqualTo(1.0);
        }
    }

    private EmbeddedServer start(Path rules) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", ExternalProcess.freePort(),
                "datasources.default.url", "jdbc:h2:file:" + tmp.resolve("db/driftwatch"),
                "driftwatch.rules", rules.toString(),
                "driftwatch.data-roots", tmp + "," + Path.of("").toAbsolutePath(),
                "driftwatch.scheduler.enabled", "true",
                "driftwatch.tick", "1s",
                "driftwatch.interval", "1s"));
    }
}
