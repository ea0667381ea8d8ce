package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code check --send} when the run cannot be stored: the service is open to anonymous readers, so the history is
 * read without a token, but storing a run needs the API token, which is not given. The verdict is printed and the
 * report files written, and the exit is 3, not the gate's 0. The stored case is in SentReportsContract.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckSendTest implements TestPropertyProvider {
    private final Path root = TemporaryFolders.create("driftwatch-check-send");
    private final TestDatasets data = new TestDatasets(root);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        data.declare("glucose");
        return Map.of("driftwatch.rules", data.rules().toString(), "driftwatch.security.anonymous-read", "true");
    }

    @Test
    void aRunTheServiceRefusesExits3AfterItsReportsAreWritten() {
        Path snapshot = data.snapshot("glucose", "s1.csv", TestDatasets.HEALTHY);
        Path json = root.resolve("run.json");

        CommandRun run = CommandRun.of("check", "--rules", data.rules().resolve("glucose.yaml").toString(),
                "--snapshot", snapshot.toString(), "--json", json.toString(), "--server",
                "http://127.0.0.1:" + server.getPort(), "--send", "--token", "");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(DriftwatchCommand.NOT_SENT);
        assertThat(run.err().strip()).isEqualTo("driftwatch: the run was not sent: expected a token that the service at "
                + "http://127.0.0.1:" + server.getPort() + " accepts (--token, --token-file or DRIFTWATCH_TOKEN) but it "
                + "answered 401: expected 'Authorization: Bearer <token>' with the API token to POST "
                + "/api/datasets/glucose/reports but found no token");
        assertThat(run.out()).contains("PASSED");
        assertThat(Files.exists(json)).isTrue();
    }

    @Test
    void sendWithoutServerIsBadInputBeforeAnythingIsEvaluated() {
        CommandRun run = CommandRun.of("check", "--rules", data.rules().resolve("glucose.yaml").toString(),
                "--snapshot", root.resolve("missing.csv").toString(), "--send");

        assertThat(run.exitCode()).isEqualTo(DriftwatchCommand.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("driftwatch: expected --server URL with --send but found none");
    }
}
