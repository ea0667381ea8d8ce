package dev.driftwatch.app.security;

import dev.driftwatch.report.html.HtmlPage;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers that keep browsers from misusing any answer of the service, pages, API, errors and refusals alike: a
 * Content-Security-Policy that allows no script at all and only the pages' own stylesheet (by its hash), no
 * framing (also {@code X-Frame-Options} for old browsers), no content-type sniffing and no referrer.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeaders implements Ordered {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + HtmlPage.styleSource()
            + "; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Runs around every other filter, the security filter included, so its refusals get the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
    }
}
