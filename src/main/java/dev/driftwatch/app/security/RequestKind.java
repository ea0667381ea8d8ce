package dev.driftwatch.app.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import java.util.Set;

/** What a request does, which decides who may send it. */
enum RequestKind {
    /** Any method but GET, HEAD and OPTIONS: starts a run or changes state. */
    CHANGE("the API token") {
        @Override
        boolean allows(Set<Role> roles, AccessPolicy policy) {
            return roles.contains(Role.OPERATOR);
        }
    },
    /** {@code /prometheus}. */
    SCRAPE("the metrics token or the API token") {
        @Override
        boolean allows(Set<Role> roles, AccessPolicy policy) {
            return roles.contains(Role.METRICS) || roles.contains(Role.OPERATOR)
                    || policy.anonymousRead() && !policy.metricsTokenSet();
        }
    },
    /** {@code /health}: the status for anyone; the details only for a token's holder (endpoints.health.details-visible). */
    HEALTH("nothing") {
        @Override
        boolean allows(Set<Role> roles, AccessPolicy policy) {
            return true;
        }
    },
    /** Every other GET: the API and the web pages. */
    READ("the API token") {
        @Override
        boolean allows(Set<Role> roles, AccessPolicy policy) {
            return roles.contains(Role.OPERATOR) || policy.anonymousRead();
        }
    };

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final String needs;

    RequestKind(String needs) {
        this.needs = needs;
    }

    /** Whether a caller with these roles (none: anonymous) may send such a request. */
    abstract boolean allows(Set<Role> roles, AccessPolicy policy);

    /** The credential such a request needs, for error messages. */
    String needs() {
        return needs;
    }

    static RequestKind of(HttpRequest<?> request) {
        if (!SAFE.contains(request.getMethod())) {
            return CHANGE;
        }
        String path = request.getPath();
        if (under(path, "/prometheus")) {
            return SCRAPE;
        }
        return under(path, "/health") ? HEALTH : READ;
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
