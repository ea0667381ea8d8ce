package dev.driftwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RuleResultRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The database goes away in the middle of a tick, while a run stores its results, and stays away for
 * another tick; then it comes back. Real PostgreSQL ({@link DisposablePostgres}), real HTTP for
 * {@code /health}. One thread, so the datasets take their turns in order: {@code alpha} loses the
 * database while storing, {@code beta} finds it gone.
 */
class DatabaseOutageTest {
    private static final List<String> DATASETS = List.of("alpha", "beta");

    @Test
    void whileTheDatabaseIsAwayNothingIsLostAndWhenItIsBackEverySnapshotIsEvaluatedOnce() throws Exception {
        Path root = TemporaryFolders.create("driftwatch-outage");
        var data = new TestDatasets(root);
        DATASETS.forEach(data::declare);
        ListAppender<ILoggingEvent> log = logOf("dev.driftwatch");
        ListAppender<ILoggingEvent> everything = logOf(Logger.ROOT_LOGGER_NAME);
        try (var database = new DisposablePostgres();
             var server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                     "driftwatch.rules", data.rules().toString(), "driftwatch.interval", "1ms", "driftwatch.threads", 1,
                     "datasources.default.url", database.url(), "datasources.default.username", "postgres",
                     "datasources.default.password", "", "datasources.default.connection-timeout", 1000), "test")) {
            DatasetWatch watch = server.getApplicationContext().getBean(DatasetWatch.class);
            DATASETS.forEach(name -> data.snapshot(name, "s1.csv", TestDatasets.HEALTHY));
            watch.tick().join();

            DATASETS.forEach(name -> data.snapshot(name, "s2.csv", TestDatasets.UNMEASURED));
            database.goAwayWhileStoringResults();
            log.list.clear();
            watch.tick().join();
            DATASETS.forEach(name -> data.snapshot(name, "s3.csv", TestDatasets.HEALTHY.replace("85", "86")));
            watch.tick().join();

            assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .as("one line per dataset for the whole outage, without a stack trace")
                    .hasSize(2).allSatisfy(e -> {
                        assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                        assertThat(e.getFormattedMessage()).contains("the database is unreachable");
                        assertThat(e.getThrowableProxy()).isNull();
                    })
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .satisfiesExactly(alpha -> assertThat(alpha).startsWith("alpha: "),
                            beta -> assertThat(beta).startsWith("beta: "));
            everything.list.clear();
            for (int call = 0; call < 2; call++) {
                assertThat(health(server)).as("/health while the database is away").startsWith("503 ").contains("DOWN")
                        .contains("\"error\":\"the database is unreachable: ");
            }
            assertThat(everything.list).as("what /health logs while the database is away: one line, no stack trace")
                    .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getFormattedMessage()).startsWith("/health: the database is unreachable: ");
                        assertThat(e.getThrowableProxy()).isNull();
                    });
            assertThat(send(server, "POST", "/api/datasets/alpha/runs")).as("asking for a run while the database is away")
                    .startsWith("503 application/problem+json ").contains("\"title\":\"Service Unavailable\"")
                    .contains("\"status\":503").contains("\"detail\":\"the database is unreachable, try again when it answers: ");
            assertThat(send(server, "GET", "/api/datasets/alpha/runs")).as("listing runs while the database is away")
                    .startsWith("503 application/problem+json ").contains("\"detail\":\"the database is unreachable");

            database.comeBack();
            awaitHealthUp(server);
            watch.tick().join();

            var context = server.getApplicationContext();
            for (String name : DATASETS) {
                List<SnapshotRow> snapshots = snapshotsOf(context, name);
                assertThat(snapshots).extracting(SnapshotRow::name).containsExactly("s1.csv", "s2.csv", "s3.csv");
                List<RunRow> succeeded = snapshots.stream().map(s -> onlySuccessfulRun(context, s)).toList();
                assertThat(succeeded).extracting(RunRow::referenceSnapshotId)
                        .containsExactly(null, snapshots.get(0).id(), snapshots.get(1).id());
                assertThat(succeeded).extracting(RunRow::outcome).containsExactly("pass", "fail", "pass");
            }
            List<RunRow> interrupted = runsOf(context, snapshotsOf(context, "alpha").get(1)).stream()
                    .filter(run -> !run.succeeded()).toList();
            assertThat(interrupted).as("the run that lost the database while storing its results").singleElement()
                    .satisfies(run -> {
                        assertThat(run.status()).isEqualTo("failed");
                        assertThat(run.error()).contains("interrupted");
                        assertThat(context.getBean(RuleResultRepository.class).findByRunIdOrderByPositionAsc(run.id()))
                                .isEmpty();
                    });
            assertThat(runsOf(context, snapshotsOf(context, "beta").get(1))).as("beta never got to start s2")
                    .hasSize(1);
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).contains(
                    "alpha: run " + interrupted.get(0).id() + " was interrupted before its result was stored; it is ended as failed",
                    "alpha: the database answers again", "beta: the database answers again",
                    "/health: the database answers again");
        } finally {
            ((Logger) LoggerFactory.getLogger("dev.driftwatch")).detachAppender(log);
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(everything);
        }
    }

    /** The pool reconnects within seconds (it backs off between attempts); /health tells when. */
    private static void awaitHealthUp(EmbeddedServer server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String health = health(server);
        while (!health.startsWith("200 ") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            health = health(server);
        }
        assertThat(health).as("/health once the database is back").startsWith("200 ").contains("\"status\":\"UP\"")
                .contains("\"database\":\"PostgreSQL\"");
    }

    private static ListAppender<ILoggingEvent> logOf(String name) {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(name)).addAppender(appender);
        return appender;
    }

    private static String health(EmbeddedServer server) throws Exception {
        return send(server, "GET", "/health");
    }

    private static String send(EmbeddedServer server, String method, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(20))
                        .header("Authorization", TestToken.BEARER).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + (response.statusCode() < 400 ? ""
                : response.headers().firstValue("Content-Type").orElse("none") + " ") + response.body();
    }

    private static List<SnapshotRow> snapshotsOf(ApplicationContext context, String dataset) {
        Long id = context.getBean(DatasetRepository.class).findByName(dataset).orElseThrow().id();
        return context.getBean(SnapshotRepository.class).findByDatasetIdOrderByName(id);
    }

    private static List<RunRow> runsOf(ApplicationContext context, SnapshotRow snapshot) {
        return context.getBean(RunRepository.class).findBySnapshotIdOrderByIdAsc(snapshot.id());
    }

    private static RunRow onlySuccessfulRun(ApplicationContext context, SnapshotRow snapshot) {
        List<RunRow> succeeded = runsOf(context, snapshot).stream().filter(RunRow::succeeded).toList();
        assertThat(succeeded).as("successful runs of %s", snapshot.name()).hasSize(1);
        return succeeded.get(0);
    }
}
