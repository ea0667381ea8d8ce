package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate against a real HTTP server (the JDK's) that answers like the service's verdict endpoint. */
class GateCommandTest {
    private static final String BLOCKED = """
            {"dataset":"madewithml","runId":7,"snapshot":"s16","status":"fail","blocksGate":true,"results":[
             {"rule":"text-present","kind":"missing_values","severity":"error","status":"fail","column":"text","split":"all",
              "observed":0.034,"threshold":0.0,"message":"text: 34 of 999 (3.4%) values missing in all (34 null); at most 0.0% allowed."},
             {"rule":"inputs-present","kind":"missing_values","severity":"error","status":"pass","column":"title","split":"all",
              "observed":0.0,"threshold":0.0,"message":"title: 0 of 999 (0.0%) values missing in all; within the allowed 0.0%."}]}
            """;
    private static final String PASSED = """
            {"dataset":"pima","runId":3,"snapshot":"pima-03.csv","status":"warn","blocksGate":false,"results":[
             {"rule":"lab-values-measured","kind":"missing_values","severity":"warn","status":"warn","column":"Insulin","split":null,
              "observed":0.487,"threshold":0.1,"message":"Insulin: 374 of 768 (48.7%) values missing."}]}
            """;

    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            paths.add(path);
            int status;
            String body;
            switch (path) {
                case "/api/datasets/madewithml/verdict" -> { status = 200; body = BLOCKED; }
                case "/api/datasets/pima/verdict" -> { status = 200; body = PASSED; }
                case "/api/datasets/fresh/verdict" -> { status = 409; body = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"no run yet\"}"; }
                case "/api/datasets/broken/verdict" -> { status = 200; body = "<html>not json</html>"; }
                case "/api/datasets/failing/verdict" -> { status = 500; body = "{}"; }
                default -> { status = 404; body = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"unknown dataset\"}"; }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aBlockingVerdictExitsOneAndListsTheResults() {
        CommandRun run = CommandRun.of("gate", "--server", url(), "--dataset", "madewithml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(paths).containsExactly("/api/datasets/madewithml/verdict");
        assertThat(run.out()).isEqualTo("""
                Dataset madewithml, snapshot s16 (run 7): FAIL
                FAIL  error text-present (text in all): text: 34 of 999 (3.4%) values missing in all (34 null); at most 0.0% allowed.
                PASS  error inputs-present (title in all): title: 0 of 999 (0.0%) values missing in all; within the allowed 0.0%.
                BLOCKED: an error-severity rule did not pass.
                """);
    }

    @Test
    void aPassingVerdictExitsZeroAndATrailingSlashInTheUrlIsFine() {
        CommandRun run = CommandRun.of("gate", "--server", url() + "/", "--dataset", "pima");

        assertThat(run.exitCode()).isZero();
        assertThat(paths).containsExactly("/api/datasets/pima/verdict");
        assertThat(run.out()).contains("WARN  warn  lab-values-measured (Insulin): Insulin: 374 of 768")
                .endsWith("PASSED: every error-severity rule passed.\n");
    }

    @Test
    void anUnknownDatasetExitsTwo() {
        CommandRun run = CommandRun.of("gate", "--server", url(), "--dataset", "nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: the service at " + url() + " knows no dataset 'nope'\n");
    }

    @Test
    void aDatasetWithoutARunExitsTwo() {
        CommandRun run = CommandRun.of("gate", "--server", url(), "--dataset", "fresh");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: dataset 'fresh' has no run yet, so there is no verdict\n");
    }

    @Test
    void anAnswerThatIsNoVerdictExitsTwo() {
        assertThat(CommandRun.of("gate", "--server", url(), "--dataset", "broken").err())
                .startsWith("driftwatch: expected a JSON verdict from " + url() + "/api/datasets/broken/verdict but found: ");
        CommandRun failing = CommandRun.of("gate", "--server", url(), "--dataset", "failing");
        assertThat(failing.exitCode()).isEqualTo(2);
        assertThat(failing.err()).isEqualTo("driftwatch: expected HTTP 200 from " + url()
                + "/api/datasets/failing/verdict but found 500\n");
    }

    @Test
    void anUnreachableServerExitsTwo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CommandRun run = CommandRun.of("gate", "--server", "http://127.0.0.1:" + closedPort, "--dataset", "pima", "--timeout", "5s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("driftwatch: expected a Driftwatch service at http://127.0.0.1:" + closedPort
                + " but could not reach it: java.net.ConnectException");
    }
    @Test
    void theTimeoutIsWrittenAsAnyDurationOrInPlainSeconds() {
        for (String timeout : List.of("3s", "250ms", "1m", "PT3S", "3")) {
            CommandRun run = CommandRun.of("gate", "--server", url(), "--dataset", "pima", "--timeout", timeout);
            assertThat(run.exitCode()).as("--timeout " + timeout + ": " + run.err()).isZero();
        }
    }

    @Test
    void aTimeoutThatIsNoDurationExitsTwoNamingIt() {
        CommandRun run = CommandRun.of("gate", "--server", url(), "--dataset", "pima", "--timeout", "soon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--timeout': "
                + "expected a duration such as 30s, 5m, 2h or PT30S but found 'soon'");
        assertThat(paths).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpAfterTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            long start = System.nanoTime();
            CommandRun run = CommandRun.of("gate", "--server", "http://127.0.0.1:" + silent.getLocalPort(), "--dataset",
                    "pima", "--timeout", "300ms");
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("timed out");
            assertThat(millis).as("the default is 30 s; 300ms was asked").isLessThan(10_000);
        }
    }
}
