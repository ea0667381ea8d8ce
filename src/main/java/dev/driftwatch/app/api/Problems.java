package dev.driftwatch.app.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

/** Builds an error answer through the service's one {@link ErrorResponseProcessor} ({@link ProblemAnswers}). */
public final class Problems {
    private Problems() {
    }

    /** A problem answer with this status whose {@code detail} is the sentence given. */
    public static MutableHttpResponse<?> answer(ErrorResponseProcessor<?> problems, HttpRequest<?> request,
                                                HttpStatus status, String detail) {
        return problems.processResponse(ErrorContext.builder(request).errorMessage(detail).build(),
                HttpResponse.status(status));
    }
}
