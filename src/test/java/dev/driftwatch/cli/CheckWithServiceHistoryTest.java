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
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code check --server URL}: a real service (H2, random port, closed to anonymous readers) has run the ten
 * snapshots of {@link RowCountSeries}; the CLI checks an eleventh snapshot of its own against the service's history
 * and reaches the verdict worked out by hand there, as {@code check --history} does from saved profiles.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckWithServiceHistoryTest implements TestPropertyProvider {
    private final Path root = TemporaryFolders.create("driftwatch-server-history");
    private final TestDatasets data = new TestDatasets(root);

    @Inject
    EmbeddedServer server;
    @Inject
    DatasetWatch watch;

    @Override
    public Map<String, String> getProperties() {
        data.declare("rows", RowCountSeries.RULES);
        return Map.of("micronaut.server.port", "-1", "driftwatch.rules", data.rules().toString(),
                "driftwatch.scheduler.enabled", "false", "driftwatch.interval", "1ms",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"),
                "driftwatch.security.anonymous-read", "false");
    }

    @BeforeAll
    void runTheEarlierSnapshots() {
        for (int i = 1; i <= RowCountSeries.EARLIER.size(); i++) {
            data.snapshot("rows", RowCountSeries.name(i), RowCountSeries.csv(RowCountSeries.EARLIER.get(i - 1)));
            watch.tick().join();
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private CommandRun check(int rows, String... more) {
        Path snapshot = TestDatasets.write(root.resolve("local").resolve(RowCountSeries.name(11)), RowCountSeries.csv(rows));
        var args = new java.util.ArrayList<>(java.util.List.of("check", "--rules", data.rules().resolve("rows.yaml").toString(),
                "--snapshot", snapshot.toString(), "--server", url()));
        args.addAll(java.util.List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void theServiceHistoryGivesTheVerdictOfTheSavedProfiles() {
        CommandRun jump = check(RowCountSeries.JUMP, "--token", TestToken.VALUE);
        CommandRun usual = check(RowCountSeries.USUAL, "--token", TestToken.VALUE);

        assertThat(jump.exitCode()).as(jump.out() + jump.err()).isEqualTo(1);
        assertThat(jump.out()).contains(RowCountSeries.MAD_FAILS).contains(RowCountSeries.STEP_WARNS);
        assertThat(usual.exitCode()).as(usual.out() + usual.err()).isZero();
        assertThat(usual.out()).contains("PASS  error rows-mad").contains("PASS  warn  rows-step");
    }

    @Test
    void withoutTheTokenTheCheckEndsBeforeJudgingAndExitsTwo() {
        CommandRun run = check(RowCountSeries.JUMP, "--token", "not-the-token-0123456789");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("driftwatch: no history: expected a token that the service at " + url()
                + " accepts (--token, --token-file or DRIFTWATCH_TOKEN) but it answered 401: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aDatasetTheServiceDoesNotKnowIsNoHistory() {
        Path rules = new TestDatasets(root.resolve("other")).declare("unknown-here", RowCountSeries.RULES);
        Path snapshot = TestDatasets.write(root.resolve("other/s01.csv"), RowCountSeries.csv(5));

        CommandRun run = CommandRun.of("check", "--rules", rules.toString(), "--snapshot", snapshot.toString(),
                "--server", url(), "--token", TestToken.VALUE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: no history: the service at " + url() + " knows no dataset 'unknown-here'\n");
    }
}
