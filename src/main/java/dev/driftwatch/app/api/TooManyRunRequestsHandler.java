package dev.driftwatch.app.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers {@link TooManyRunRequests} with 429, an {@link ApiError} and {@code Retry-After} in seconds. */
@Produces
@Singleton
final class TooManyRunRequestsHandler implements ExceptionHandler<TooManyRunRequests, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, TooManyRunRequests exception) {
        return HttpResponse.<ApiError>status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()))
                .body(new ApiError(429, exception.getMessage()));
    }
}
