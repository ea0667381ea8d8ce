package dev.driftwatch.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.driftwatch.app.events.DatasetCatalogChanged;
import dev.driftwatch.app.events.RunFinished;
import dev.driftwatch.app.metrics.PimaRuns;
import dev.driftwatch.engine.run.RunReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert deliveries to an in-process HTTP receiver standing in for Alertmanager and a webhook. */
class RuleAlertPublisherTest {
    private static final URI PUBLIC = URI.create("http://driftwatch.example:8080/");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tempDir;

    private HttpServer receiver;
    private final List<JsonNode> alertmanagerPosts = new CopyOnWriteArrayList<>();
    private final List<JsonNode> webhookPosts = new CopyOnWriteArrayList<>();
    private RuleAlertPublisher publisher;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/api/v2/alerts", exchange -> {
            alertmanagerPosts.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.createContext("/hook", exchange -> {
            webhookPosts.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        URI base = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort());
        publisher = new RuleAlertPublisher(Optional.of(new AlertmanagerClient(base, PUBLIC, Duration.ofSeconds(5))),
                Optional.of(new WebhookClient(base.resolve("/hook"), PUBLIC, Duration.ofSeconds(5))),
                Clock.systemUTC());
    }

    @AfterEach
    void stopReceiver() {
        publisher.close();
        receiver.stop(0);
    }

    // pima-03.csv: 35/768 = 0.0456 zeros in BloodPressure (awk) > 0.04 fails; 227/768 SkinThickness > 0.10 warns.
    // pima-01.csv: 9/256 = 0.0352 <= 0.04 passes; 79/256 SkinThickness still warns.
    @Test
    void aRuleThatStartsFailingFiresWithItsLabelsObservationAndRunLink() {
        publish(11, "pima-03.csv");

        JsonNode failing = alert(alertmanagerPosts.get(0), "vitals-measured");
        assertThat(failing.get("labels").get("alertname").asText()).isEqualTo("DriftwatchRuleViolated");
        assertThat(failing.get("labels").get("dataset").asText()).isEqualTo("pima");
        assertThat(failing.get("labels").get("column").asText()).isEqualTo("BloodPressure");
        assertThat(failing.get("labels").get("severity").asText()).isEqualTo("error");
        assertThat(failing.get("labels").get("status").asText()).isEqualTo("fail");
        assertThat(failing.get("annotations").get("observed").asDouble()).isCloseTo(35.0 / 768, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(failing.get("annotations").get("threshold").asText()).isEqualTo("0.04");
        assertThat(failing.get("annotations").get("run_url").asText()).isEqualTo("http://driftwatch.example:8080/api/runs/11");
        assertThat(failing.get("generatorURL").asText()).isEqualTo("http://driftwatch.example:8080/api/runs/11");
        assertThat(failing.has("endsAt")).isFalse();
        assertThat(failing.get("annotations").get("summary").asText()).isEqualTo("pima: rule vitals-measured fails on BloodPressure in split all");
        assertThat(failing.get("annotations").get("runbook_url").asText())
                .isEqualTo("http://driftwatch.example:8080/docs/alerts#driftwatchruleviolated");

        JsonNode hook = webhookPosts.get(0);
        assertThat(hook.get("runUrl").asText()).isEqualTo("http://driftwatch.example:8080/api/runs/11");
        assertThat(hook.get("alerts")).extracting(a -> a.get("labels").get("rule").asText() + ":" + a.get("status").asText())
                .containsExactlyInAnyOrder("vitals-measured:firing", "lab-values-measured:firing");
    }

    @Test
    void aRuleThatPassesAgainIsResolvedWithEndsAtAndAnUnchangedOneKeepsItsStart() {
        RunFinished first = publish(11, "pima-03.csv");
        RunFinished second = publish(12, "pima-01.csv");

        JsonNode sent = alertmanagerPosts.get(1);
        JsonNode resolved = alert(sent, "vitals-measured");
        assertThat(resolved.get("endsAt").asText()).isEqualTo(second.finishedAt().toString());
        JsonNode stillWarning = alert(sent, "lab-values-measured");
        assertThat(stillWarning.has("endsAt")).isFalse();
        assertThat(stillWarning.get("startsAt").asText()).isEqualTo(first.finishedAt().toString());

        assertThat(webhookPosts).hasSize(2);
        assertThat(webhookPosts.get(1).get("alerts")).extracting(a -> a.get("labels").get("rule").asText() + ":" + a.get("status").asText())
                .containsExactly("vitals-measured:resolved");
    }

    @Test
    void aRestoredStoredRunIsThePreviousStateSoARestartNeitherRefiresNorForgets() {
        RunReport stored = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);
        publisher.restore(new RunFinished("pima", 11, "pima-03.csv", stored, null, stored.finishedAt()));
        publish(12, "pima-01.csv");

        assertThat(webhookPosts).hasSize(1);
        assertThat(webhookPosts.get(0).get("alerts")).extracting(a -> a.get("labels").get("rule").asText() + ":" + a.get("status").asText())
                .containsExactly("vitals-measured:resolved");
    }

    @Test
    void removingARuleFromTheCatalogResolvesItsAlertAndRepeatSendsTheRest() {
        publish(11, "pima-03.csv");
        publisher.onCatalogChanged(new DatasetCatalogChanged(Map.of("pima", Set.of("vitals-measured"))));
        publisher.awaitDeliveries(WAIT);

        JsonNode resolved = alert(alertmanagerPosts.get(1), "lab-values-measured");
        assertThat(resolved.has("endsAt")).isTrue();
        publisher.repeat();
        publisher.awaitDeliveries(WAIT);
        assertThat(alertmanagerPosts.get(2)).extracting(a -> a.get("labels").get("rule").asText())
                .containsExactly("vitals-measured");
    }

    @Test
    void aReinstatedDatasetFiresWhatItsStoredRunFailsOnceAndNothingWhileItHasAlerts() {
        RunReport stored = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);
        var storedRun = new RunFinished("pima", 11, "pima-03.csv", stored, null, stored.finishedAt());

        publisher.reinstate(storedRun, rule -> true); // a file that comes back broken: every rule of the stored run
        publisher.reinstate(storedRun, rule -> true); // told again: the dataset has its alerts already
        publisher.awaitDeliveries(WAIT);

        assertThat(webhookPosts).hasSize(1);
        assertThat(webhookPosts.get(0).get("runId").asLong()).isEqualTo(11);
        assertThat(webhookPosts.get(0).get("alerts")).extracting(a -> a.get("labels").get("rule").asText() + ":" + a.get("status").asText())
                .containsExactlyInAnyOrder("vitals-measured:firing", "lab-values-measured:firing");
        assertThat(alertmanagerPosts.get(0)).extracting(a -> a.get("labels").get("rule").asText())
                .containsExactlyInAnyOrder("vitals-measured", "lab-values-measured");
    }

    private RunFinished publish(long runId, String snapshot) {
        RunReport report = PimaRuns.evaluate(tempDir, snapshot, 0.04);
        RunFinished run = new RunFinished("pima", runId, snapshot, report, null, report.finishedAt());
        publisher.onRunFinished(run);
        publisher.awaitDeliveries(WAIT);
        return run;
    }

    private static JsonNode alert(JsonNode alerts, String rule) {
        for (JsonNode alert : alerts) {
            if (alert.get("labels").get("rule").asText().equals(rule)) {
                return alert;
            }
        }
        throw new AssertionError("expected an alert of rule " + rule + " but found " + alerts);
    }
}
