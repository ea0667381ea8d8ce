package dev.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.report.RunJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Sends a finished run to a running service: its report as {@code --json} writes it ({@link RunJson}), in
 * {@code POST /api/datasets/{name}/reports?from=spark|cli}, with the API token as {@code Authorization: Bearer}. The
 * service stores it as one of its own runs. Used by {@code driftwatch check --send} and the Spark runner's
 * {@code --server}. Not thread-safe.
 */
public final class RunSender {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI server;
    private final String token;
    private final Duration timeout;

    /**
     * @param token the API token, or null to send none (a service refuses that with 401)
     */
    public RunSender(URI server, String token, Duration timeout) {
        this.server = server;
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.timeout = timeout;
    }

    /**
     * The token to send: the first line of {@code file} when given, else {@code given} (the option or
     * {@code DRIFTWATCH_TOKEN}); null when neither.
     *
     * @throws RunNotSentException when the file cannot be read or is empty
     */
    public static String token(String given, Path file) {
        if (file == null) {
            return given;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new RunNotSentException("expected an API token in " + file + " but found an empty file");
            }
            return text.lines().findFirst().orElseThrow().strip();
        } catch (IOException e) {
            throw new RunNotSentException("expected a readable API token file " + file + " but found: " + e, e);
        }
    }

    /**
     * @param from where the run was evaluated: {@code spark} or {@code cli}
     * @return the stored run's address ({@code /api/runs/{id}})
     * @throws RunNotSentException saying what the service answered, or why it could not be reached
     */
    public URI send(RunReport run, String from) {
        URI uri = reportsUri(run.dataset(), from);
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new RunJson().write(run), StandardCharsets.UTF_8));
        HttpResponse<String> response = ServiceCall.send(client, request, server, token, RunNotSentException::new);
        if (response.statusCode() != 201) {
            throw new RunNotSentException("expected HTTP 201 from " + uri + " but found " + response.statusCode() + ": "
                    + ServiceCall.detail(response.body()));
        }
        return stored(uri, response.body());
    }

    private URI stored(URI uri, String body) {
        try {
            JsonNode run = MAPPER.readTree(body);
            if (run == null || !run.path("id").canConvertToLong()) {
                throw new RunNotSentException("expected the stored run with its id from " + uri + " but found " + body);
            }
            return URI.create(base() + "api/runs/" + run.get("id").asLong());
        } catch (IOException e) {
            throw new RunNotSentException("expected the stored run as JSON from " + uri + " but found: " + e.getMessage(), e);
        }
    }

    private URI reportsUri(String dataset, String from) {
        return URI.create(base() + "api/datasets/" + URLEncoder.encode(dataset, StandardCharsets.UTF_8).replace("+", "%20")
                + "/reports?from=" + from);
    }

    private String base() {
        return server.toString().endsWith("/") ? server.toString() : server + "/";
    }

    /** The sentence of the service's problem+json answer, or the body as it is. */
}
