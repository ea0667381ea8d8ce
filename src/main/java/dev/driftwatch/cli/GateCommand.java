package dev.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code driftwatch gate}: asks a running Driftwatch service for the latest verdict of a dataset
 * ({@code GET /api/datasets/{name}/verdict}) and exits like {@code check}: 0 passed, 1 blocked, 2 when
 * the server cannot be reached, refuses the token, the dataset is unknown, it has no run yet, or the answer is not
 * a verdict. The token ({@code --token}, else {@code DRIFTWATCH_TOKEN}) goes as {@code Authorization: Bearer}; a
 * service that is closed to anonymous readers needs it.
 */
@Command(name = "gate", description = "Ask a running service for the latest verdict of a dataset. Exit 0: passed; 1: blocked; 2: unreachable server, unknown dataset or no run yet.")
final class GateCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The service's base URL, e.g. http://localhost:8080.")
    URI server;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset's name.")
    String dataset;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:DRIFTWATCH_TOKEN}",
            description = "The service's API token, sent as 'Authorization: Bearer'; default: the environment variable DRIFTWATCH_TOKEN (prefer it: a command line is visible to other users).")
    String token;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationOption.class,
            description = "How long to wait for the answer: 30s, 5m, 250ms, PT30S, or plain seconds (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        URI uri = verdictUri();
        HttpResponse<String> response;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json");
            if (token != null && !token.isBlank()) {
                request.header("Authorization", "Bearer " + token.trim());
            }
            response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("driftwatch: expected a Driftwatch service at " + server + " but could not reach it: " + e);
            return DriftwatchCommand.BAD_INPUT;
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            err.println("driftwatch: expected a token that the service at " + server + " accepts (--token or "
                    + "DRIFTWATCH_TOKEN) but it answered " + response.statusCode() + ": " + message(response.body()));
            return DriftwatchCommand.BAD_INPUT;
        }
        if (response.statusCode() == 404) {
            err.println("driftwatch: the service at " + server + " knows no dataset '" + dataset + "'");
            return DriftwatchCommand.BAD_INPUT;
        }
        if (response.statusCode() == 409) {
            err.println("driftwatch: dataset '" + dataset + "' has no run yet, so there is no verdict");
            return DriftwatchCommand.BAD_INPUT;
        }
        if (response.statusCode() != 200) {
            err.println("driftwatch: expected HTTP 200 from " + uri + " but found " + response.statusCode());
            return DriftwatchCommand.BAD_INPUT;
        }
        JsonNode verdict;
        try {
            verdict = MAPPER.readTree(response.body());
        } catch (IOException e) {
            err.println("driftwatch: expected a JSON verdict from " + uri + " but found: " + e.getMessage());
            return DriftwatchCommand.BAD_INPUT;
        }
        if (verdict == null || !verdict.path("blocksGate").isBoolean()) {
            err.println("driftwatch: expected a verdict with 'blocksGate' from " + uri + " but found none");
            return DriftwatchCommand.BAD_INPUT;
        }
        print(verdict, spec.commandLine().getOut());
        return verdict.get("blocksGate").asBoolean() ? DriftwatchCommand.BLOCKED : DriftwatchCommand.PASSED;
    }

    /** The sentence of the service's error answer (the {@code detail} of its problem+json body), or the body as it is. */
    private static String message(String body) {
        try {
            JsonNode error = MAPPER.readTree(body);
            return error != null && error.path("detail").isTextual() ? error.get("detail").asText() : body;
        } catch (IOException e) {
            return body;
        }
    }

    private URI verdictUri() {
        String base = server.toString().endsWith("/") ? server.toString() : server + "/";
        return URI.create(base + "api/datasets/" + URLEncoder.encode(dataset, StandardCharsets.UTF_8) + "/verdict");
    }

    private static void print(JsonNode verdict, PrintWriter out) {
        out.printf("Dataset %s, snapshot %s (run %s): %s%n", verdict.path("dataset").asText(),
                verdict.path("snapshot").asText(), verdict.path("runId").asText(),
                verdict.path("status").asText().toUpperCase(Locale.ROOT));
        for (JsonNode result : verdict.path("results")) {
            String target = result.path("column").isTextual() ? result.get("column").asText()
                    + (result.path("split").isTextual() ? " in " + result.get("split").asText() : "") : "snapshot";
            out.printf("%-5s %-5s %s (%s): %s%n", result.path("status").asText().toUpperCase(Locale.ROOT),
                    result.path("severity").asText(), result.path("rule").asText(), target, result.path("message").asText());
        }
        out.println(verdict.get("blocksGate").asBoolean() ? "BLOCKED: an error-severity rule did not pass."
                : "PASSED: every error-severity rule passed.");
    }
}
