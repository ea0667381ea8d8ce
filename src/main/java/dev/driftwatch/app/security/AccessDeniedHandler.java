package dev.driftwatch.app.security;

import dev.driftwatch.app.api.Problems;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a request that Micronaut Security refused like every other API error: 401 (no valid token; with
 * {@code WWW-Authenticate: Bearer}) or 403 (a valid token without the right, or a foreign origin), and an
 * {@code application/problem+json} body whose {@code detail} says which credential was expected.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class AccessDeniedHandler implements ExceptionHandler<AuthorizationException, HttpResponse<?>> {
    static final String CHALLENGE = "Bearer realm=\"driftwatch\"";

    private final ErrorResponseProcessor<?> problems;

    AccessDeniedHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        Denial denial = request.getAttribute(Denial.ATTRIBUTE, Denial.class).orElseGet(() -> exception.isForbidden()
                ? new Denial(HttpStatus.FORBIDDEN, "expected a token allowed to " + request.getMethod() + " "
                        + request.getPath() + " but found the token of '" + exception.getAuthentication().getName() + "'")
                : new Denial(HttpStatus.UNAUTHORIZED, "expected 'Authorization: Bearer <token>' to " + request.getMethod()
                        + " " + request.getPath() + " but found no valid token"));
        MutableHttpResponse<?> response = Problems.answer(problems, request, denial.status(), denial.message());
        if (denial.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response;
    }
}
