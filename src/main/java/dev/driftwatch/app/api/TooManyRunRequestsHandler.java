package dev.driftwatch.app.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Answers {@link TooManyRunRequests} with a 429 problem and {@code Retry-After} in seconds. */
@Produces
@Singleton
final class TooManyRunRequestsHandler implements ExceptionHandler<TooManyRunRequests, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> problems;

    TooManyRunRequestsHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, TooManyRunRequests exception) {
        return Problems.answer(problems, request, HttpStatus.TOO_MANY_REQUESTS, exception.getMessage())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()));
    }
}
