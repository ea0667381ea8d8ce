package dev.driftwatch.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP requests to a test service, with whatever headers a test needs (a browser's Origin, a token). */
record RawHttp(String base) {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param headers name, value, name, value, ... */
    HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request with a {@code Host} of the test's choosing (which the JDK client does not allow), as a browser sends
     * it to a service reached under a name: HTTP/1.0 over a plain socket, so the answer ends when the connection does.
     *
     * @return the status code and the body
     */
    Map.Entry<Integer, String> sendAs(String host, String method, String path, String... headers) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: " + host + "\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            request.append("Content-Length: 0\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            int body = answer.indexOf("\r\n\r\n");
            return Map.entry(status, body < 0 ? "" : answer.substring(body + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
