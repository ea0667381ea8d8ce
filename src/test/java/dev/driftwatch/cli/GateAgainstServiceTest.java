package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code driftwatch gate} against the real service over HTTP. Dataset {@code glucose}: first a healthy
 * snapshot (the gate passes), then one with glucose 0 in 2 of 4 rows (observed 0.5 above the allowed 0.25:
 * blocked); {@code empty} has no snapshot yet. The service is closed to anonymous readers, so the gate sends the
 * test token ({@code --token}).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GateAgainstServiceTest implements TestPropertyProvider {
    private final Path root = TemporaryFolders.create("driftwatch-gate");
    private final TestDatasets data = new TestDatasets(root);

    @Inject
    EmbeddedServer server;
    @Inject
    DatasetWatch watch;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.server.port", "-1", "driftwatch.rules", data.rules().toString(), "driftwatch.scheduler.enabled", "false", "driftwatch.interval", "1ms",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"),
                "driftwatch.security.anonymous-read", "false");
    }

    @BeforeAll
    void declare() throws IOException {
        data.declare("glucose");
        data.snapshot("glucose", "s1.csv", TestDatasets.HEALTHY);
        data.declare("empty");
        Files.createDirectories(data.source("empty"));
        watch.tick().join();
    }

    private CommandRun gate(String dataset) {
        return CommandRun.of("gate", "--server", "http://127.0.0.1:" + server.getPort(), "--dataset", dataset,
                "--token", TestToken.VALUE);
    }

    @Test
    @Order(1)
    void aHealthySnapshotPassesTheGate() {
        CommandRun run = gate("glucose");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Dataset glucose, snapshot s1.csv (run ")
                .contains("PASS  error glucose-measured (glucose")
                .endsWith("PASSED: every error-severity rule passed.\n");
    }

    @Test
    @Order(2)
    void aNewSnapshotWithUnmeasuredGlucoseBlocksTheGate() {
        data.snapshot("glucose", "s2.csv", TestDatasets.UNMEASURED);
        watch.tick().join();

        CommandRun run = gate("glucose");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("Dataset glucose, snapshot s2.csv (run ").contains("FAIL  error glucose-measured (glucose")
                .endsWith("BLOCKED: an error-severity rule did not pass.\n");
    }

    @Test
    void aDatasetWithoutARunAndAnUnknownDatasetExitTwo() {
        CommandRun empty = gate("empty");
        CommandRun unknown = gate("nope");

        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).isEqualTo("driftwatch: dataset 'empty' has no run yet, so there is no verdict\n");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("driftwatch: the service at http://127.0.0.1:" + server.getPort()
                + " knows no dataset 'nope'\n");
    }

    @Test
    void aServiceClosedToAnonymousReadersRefusesTheGateWithoutItsTokenAndItExitsTwo() {
        String url = "http://127.0.0.1:" + server.getPort();
        CommandRun wrong = CommandRun.of("gate", "--server", url, "--dataset", "glucose", "--token", "not-the-token-0123456789");

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("driftwatch: expected a token that the service at " + url + " accepts (--token"
                + " or DRIFTWATCH_TOKEN) but it answered 401: expected 'Authorization: Bearer <token>' with the API token to "
                + "GET /api/datasets/glucose/verdict but found a token this service does not know\n");
        assertThat(wrong.out()).isEmpty();
    }
}
