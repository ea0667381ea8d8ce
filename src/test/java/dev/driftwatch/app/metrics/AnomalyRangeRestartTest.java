package dev.driftwatch.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.alert.ExternalProcess;
import dev.driftwatch.app.alert.HttpJson;
import dev.driftwatch.app.schedule.DatasetWatch;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expected range of an anomaly result is stored with it, so {@code driftwatch_anomaly_expected_lower/upper} come
 * back after a restart, before any new run (H2 file kept between the two starts, scheduler off).
 *
 * <p>Row counts 100, 102, 98, 101, 99, then 103. By hand: median 100, absolute deviations 0, 2, 2, 1, 1 with median 1,
 * so {@code mad} at 3.5 expects 100 ± 3.5 × 1.482602218505602 × 1 = 94.8109 … 105.1891 (the normal scale
 * 1/Φ⁻¹(0.75) from SciPy, {@code 1/scipy.stats.norm.ppf(0.75)}); {@code relative_change} with at most
 * +20% expects up to 99 × 1.2 = 118.8 and has no lower end (no series).
 */
class AnomalyRangeRestartTest {
    private static final List<Integer> ROWS = List.of(100, 102, 98, 101, 99, 103);
    private static final String RULES = """
              - {name: rows-mad, kind: anomaly, metric: row_count, strategy: mad, max_z: 3.5, min_history: 5}
              - {name: rows-step, kind: anomaly, metric: row_count, strategy: relative_change, max_increase: 0.2, min_history: 5}
            order: name
            """;
    private static final double MAD_SPREAD = 3.5 * 1.482602218505602;

    @TempDir
    Path tmp;

    @Test
    void theExpectedRangeGaugesComeBackFromTheStoredResults() {
        TestDatasets data = new TestDatasets(tmp);
        data.declare("rows", RULES);
        try (EmbeddedServer first = start(data)) {
            DatasetWatch watch = first.getApplicationContext().getBean(DatasetWatch.class);
            for (int i = 0; i < ROWS.size(); i++) {
                data.snapshot("rows", "s%02d.csv".formatted(i + 1), csv(ROWS.get(i)));
                watch.tick().join();
            }
            assertRange(HttpJson.text(url(first)));
        }

        try (EmbeddedServer second = start(data)) {
            String restored = HttpJson.text(url(second));
            assertThat(RunMetricsPublisherTest.value(restored, "driftwatch_runs_total", "outcome=\"succeeded\""))
                    .as("no run since the restart").isEqualTo(6.0);
            assertRange(restored);
        }
    }

    private static void assertRange(String scrape) {
        assertThat(RunMetricsPublisherTest.value(scrape, "driftwatch_anomaly_expected_lower", "rule=\"rows-mad\""))
                .isCloseTo(100 - MAD_SPREAD, within(1e-9));
        assertThat(RunMetricsPublisherTest.value(scrape, "driftwatch_anomaly_expected_upper", "rule=\"rows-mad\""))
                .isCloseTo(100 + MAD_SPREAD, within(1e-9));
        assertThat(RunMetricsPublisherTest.value(scrape, "driftwatch_anomaly_expected_upper", "rule=\"rows-step\""))
                .isCloseTo(99 * 1.2, within(1e-9));
        assertThat(scrape.lines().filter(line -> line.startsWith("driftwatch_anomaly_expected_lower{")
                && line.contains("rule=\"rows-step\""))).isEmpty();
        assertThat(RunMetricsPublisherTest.value(scrape, "driftwatch_rule_observed", "rule=\"rows-mad\"")).isEqualTo(103.0);
    }

    private static String csv(int rows) {
        StringBuilder csv = new StringBuilder("id,age,glucose\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(',').append(20 + i % 50).append(',').append(80 + i % 40).append('\n');
        }
        return csv.toString();
    }

    private static String url(EmbeddedServer server) {
        return "http://127.0.0.1:" + server.getPort() + "/prometheus";
    }

    private EmbeddedServer start(TestDatasets data) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", ExternalProcess.freePort(),
                "datasources.default.url", "jdbc:h2:file:" + tmp.resolve("db/driftwatch"),
                "driftwatch.rules", data.rules().toString(),
                "driftwatch.data-roots", tmp.toString(),
                "driftwatch.scheduler.enabled", "false",
                "driftwatch.interval", "1ms"));
    }
}
