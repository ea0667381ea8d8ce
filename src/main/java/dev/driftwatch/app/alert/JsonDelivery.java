package dev.driftwatch.app.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a JSON body to a URL and says whether the receiver accepted it (2xx). Never throws: an
 * unreachable receiver is logged and must not stop a run. Thread-safe.
 */
final class JsonDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(JsonDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final Duration timeout;

    JsonDelivery(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    boolean post(URI url, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                LOG.warn("Alert delivery to {}: expected a 2xx response but found {}: {}", url, response.statusCode(),
                        response.body());
                return false;
            }
            return true;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("expected alerts that serialise to JSON but found " + e.getMessage(), e);
        } catch (IOException e) {
            LOG.warn("Alert delivery to {} failed: {}", url, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
