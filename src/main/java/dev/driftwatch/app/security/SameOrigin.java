package dev.driftwatch.app.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The check against cross-site request forgery that the bearer token does not need but a browser deserves: a
 * state-changing request that carries an {@code Origin} (every browser's POST does) must come from the service's own
 * origin (the request's {@code Host}) or from a configured one. Requests without {@code Origin} (curl, the CLI,
 * Prometheus) are not browsers' and pass. Stateless.
 */
final class SameOrigin {
    private SameOrigin() {
    }

    /** The request's foreign {@code Origin}, if it has one. */
    static Optional<String> foreignOrigin(HttpRequest<?> request, List<String> allowed) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return Optional.empty();
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        boolean same = host != null && sameAuthority(origin, host);
        return same || allowed.contains(origin.trim().toLowerCase(Locale.ROOT)) ? Optional.empty() : Optional.of(origin);
    }

    private static boolean sameAuthority(String origin, String host) {
        try {
            URI from = URI.create(origin.trim());
            if (from.getScheme() == null || from.getHost() == null) {
                return false;
            }
            URI own = URI.create(from.getScheme() + "://" + host.trim());
            return from.getHost().equalsIgnoreCase(own.getHost()) && port(from) == port(own);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
