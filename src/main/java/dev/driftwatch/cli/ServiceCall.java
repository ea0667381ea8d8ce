package dev.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.BiFunction;

/**
 * One request of the command line to a Driftwatch service, with the API token as {@code Authorization: Bearer}: an
 * unreachable service, an interruption and a refused token become the caller's exception, with a sentence that says
 * what was expected. Stateless.
 */
final class ServiceCall {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServiceCall() {
    }

    /**
     * @param failure the caller's exception from a message and its cause
     * @return the answer, which is not a 401 or 403
     */
    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, URI server, String token,
                                     BiFunction<String, Exception, RuntimeException> failure) {
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.trim());
        }
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw failure.apply("expected a Driftwatch service at " + server + " but could not reach it: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.apply("interrupted while asking " + built.uri(), e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw failure.apply("expected a token that the service at " + server + " accepts (--token, --token-file or "
                    + "DRIFTWATCH_TOKEN) but it answered " + status + ": " + detail(response.body()), null);
        }
        return response;
    }

    /** The {@code detail} of a problem+json answer, else the whole body. */
    static String detail(String body) {
        try {
            JsonNode error = MAPPER.readTree(body);
            return error != null && error.path("detail").isTextual() ? error.get("detail").asText() : body;
        } catch (IOException e) {
            return body;
        }
    }
}
