package dev.driftwatch.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs promtool over the alerting rules under grafana/prometheus: syntax, then the unit tests. */
class PrometheusAlertRulesTest {
    private static final Path RULES_DIR = Path.of("grafana/prometheus");

    @Test
    void theAlertingRulesAreValid() throws Exception {
        Result result = promtool("check", "rules", "driftwatch-alerts.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 5 rules found");
    }

    @Test
    void theAlertingRulesPassTheirPromtoolUnitTests() throws Exception {
        Result result = promtool("test", "rules", "driftwatch-alerts.test.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    private static Result promtool(String... args) throws Exception {
        Path promtool = new RequiredTool("promtool").path();
        String[] command = new String[args.length + 1];
        command[0] = promtool.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(RULES_DIR.toFile()).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("expected promtool to finish within 60 s but it did not");
            }
            return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private record Result(int exitCode, String output) {
    }
}
