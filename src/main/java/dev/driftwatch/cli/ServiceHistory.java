package dev.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.engine.history.HistoryPoint;
import dev.driftwatch.engine.history.MetricHistory;
import dev.driftwatch.engine.history.MetricHistorySource;
import dev.driftwatch.engine.history.MetricKey;
import dev.driftwatch.engine.history.ProfileMetric;
import java.io.IOException;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.spec.RulesFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A history read from a running service: {@code GET /api/datasets/{name}/history} for each figure an anomaly rule
 * follows (each asked once), keeping the snapshots that come before the checked one. The token, when there is one,
 * goes as {@code Authorization: Bearer}. Not thread-safe.
 */
final class ServiceHistory implements MetricHistorySource {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI server;
    private final String dataset;
    private final String token;
    private final Duration timeout;
    private final EarlierSnapshots earlier;
    private final HttpClient client;
    private final Map<MetricKey, MetricHistory> asked = new HashMap<>();

    ServiceHistory(URI server, String dataset, String token, Duration timeout, EarlierSnapshots earlier) {
        this.server = server;
        this.dataset = dataset;
        this.token = token;
        this.timeout = timeout;
        this.earlier = earlier;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * The service's history of the snapshots of {@code file}'s dataset before {@code current}, the token read now
     * ({@link RunSender#token}), asked once already ({@link #probe}).
     *
     * @throws HistoryUnavailableException when the token file cannot be read or the service cannot give it
     */
    static ServiceHistory probed(URI server, String token, Path tokenFile, Duration timeout, RulesFile file,
                                 Snapshot current) {
        String bearer;
        try {
            bearer = RunSender.token(token, tokenFile);
        } catch (RunNotSentException e) {
            throw new HistoryUnavailableException(e.getMessage(), e);
        }
        return new ServiceHistory(server, file.dataset().name(), bearer, timeout, EarlierSnapshots.before(file, current))
                .probe();
    }

    /**
     * Asks for the row counts once, so that an unreachable service, a refused token or an unknown dataset ends the
     * command before anything is judged.
     *
     * @throws HistoryUnavailableException saying what the service answered
     */
    ServiceHistory probe() {
        history(new MetricKey(ProfileMetric.ROW_COUNT, null, null, null));
        return this;
    }

    @Override
    public MetricHistory history(MetricKey key) {
        MetricHistory known = asked.get(key);
        if (known == null) {
            known = fetch(key);
            asked.put(key, known);
        }
        return known;
    }

    private MetricHistory fetch(MetricKey key) {
        URI uri = uri(key);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        HttpResponse<String> response = ServiceCall.send(client, request, server, token, HistoryUnavailableException::new);
        int status = response.statusCode();
        if (status == 404) {
            throw new HistoryUnavailableException("the service at " + server + " knows no dataset '" + dataset + "'");
        }
        if (status != 200) {
            throw new HistoryUnavailableException("expected HTTP 200 from " + uri + " but found " + status + ": "
                    + ServiceCall.detail(response.body()));
        }
        return points(uri, response.body());
    }

    private MetricHistory points(URI uri, String body) {
        List<HistoryPoint> points = new ArrayList<>();
        try {
            JsonNode answer = MAPPER.readTree(body);
            if (answer == null || !answer.path("points").isArray()) {
                throw new HistoryUnavailableException("expected a history with 'points' from " + uri + " but found none");
            }
            for (JsonNode point : answer.get("points")) {
                String snapshot = point.path("snapshot").asText();
                Instant time = Instant.parse(point.path("time").asText());
                if (earlier.before(snapshot, time)) {
                    points.add(new HistoryPoint(snapshot, time, point.path("value").asDouble(Double.NaN)));
                }
            }
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            if (e instanceof HistoryUnavailableException unavailable) {
                throw unavailable;
            }
            throw new HistoryUnavailableException("expected a history (snapshot, time, value per point) from " + uri
                    + " but found: " + e.getMessage(), e);
        }
        return new MetricHistory(points);
    }

    private URI uri(MetricKey key) {
        String base = server.toString().endsWith("/") ? server.toString() : server + "/";
        StringBuilder uri = new StringBuilder(base).append("api/datasets/").append(encode(dataset))
                .append("/history?metric=").append(encode(key.metric().id()));
        append(uri, "split", key.split());
        append(uri, "column", key.column());
        append(uri, "value", key.value());
        return URI.create(uri.toString());
    }

    private static void append(StringBuilder uri, String name, String value) {
        if (value != null) {
            uri.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The sentence of the service's problem+json answer, or the body as it is. */
}
