package dev.driftwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * While PostgreSQL refuses connections, a scheduled run of the dataset waits for one and keeps the dataset busy;
 * a run asked for through the API meanwhile answers 503 (the database), not 409 (busy). Real PostgreSQL, real HTTP.
 */
class BusyDuringOutageTest {
    @Test
    void aPostWhileTheDatabaseIsAwayAnswers503EvenWhenTheDatasetLooksBusy() throws Exception {
        Path root = TemporaryFolders.create("driftwatch-busy-outage");
        var data = new TestDatasets(root);
        data.declare("alpha");
        data.snapshot("alpha", "s1.csv", TestDatasets.HEALTHY);
        try (var database = new DisposablePostgres();
             var server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                     "driftwatch.rules", data.rules().toString(), "driftwatch.interval", "1ms",
                     "datasources.default.url", database.url(), "datasources.default.username", "postgres",
                     "datasources.default.password", "", "datasources.default.connection-timeout", 3000), "test")) {
            DatasetWatch watch = server.getApplicationContext().getBean(DatasetWatch.class);
            watch.tick().join();

            database.goAwayNow();
            // past the pool's half second in which a connection returned is lent again unchecked: it checks, finds
            // every pooled connection dead, and waits for a new one until connection-timeout
            Thread.sleep(1000);
            CompletableFuture<Void> waiting = watch.tick();
            assertThat(waiting).as("the scheduled run waits for a connection").isNotDone();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.getURL() + "/api/datasets/alpha/runs")).timeout(Duration.ofSeconds(20))
                    .header("Authorization", TestToken.BEARER).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).contains("the database is unreachable, try again when it answers");
            database.comeBack();
            waiting.join();
        }
    }
}
