package dev.driftwatch.app.security;

import dev.driftwatch.app.api.ApiError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a request that Micronaut Security refused like every other API error: 401 (no valid token; with
 * {@code WWW-Authenticate: Bearer}) or 403 (a valid token without the right, or a foreign origin), and an
 * {@link ApiError} that says which credential was expected.
 */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class AccessDeniedHandler implements ExceptionHandler<AuthorizationException, HttpResponse<ApiError>> {
    static final String CHALLENGE = "Bearer realm=\"driftwatch\"";

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, AuthorizationException exception) {
        Denial denial = request.getAttribute(Denial.ATTRIBUTE, Denial.class).orElseGet(() -> exception.isForbidden()
                ? new Denial(HttpStatus.FORBIDDEN, "expected a token allowed to " + request.getMethod() + " "
                        + request.getPath() + " but found the token of '" + exception.getAuthentication().getName() + "'")
                : new Denial(HttpStatus.UNAUTHORIZED, "expected 'Authorization: Bearer <token>' to " + request.getMethod()
                        + " " + request.getPath() + " but found no valid token"));
        MutableHttpResponse<ApiError> response = HttpResponse.<ApiError>status(denial.status())
                .body(new ApiError(denial.status().getCode(), denial.message()));
        if (denial.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response;
    }
}
