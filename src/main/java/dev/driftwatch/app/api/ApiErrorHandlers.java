package dev.driftwatch.app.api;

import dev.driftwatch.app.storage.UnreachableDatabase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions of the API into problem answers ({@link ProblemAnswers}): 404 and 409 as raised, 503 while the
 * database is unreachable, 500 for the unexpected.
 */
final class ApiErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandlers.class);

    private ApiErrorHandlers() {
    }

    @Singleton
    @Requires(classes = {ApiException.class, ExceptionHandler.class})
    static final class Expected implements ExceptionHandler<ApiException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> problems;

        Expected(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ApiException exception) {
            return Problems.answer(problems, request, exception.status(), exception.getMessage());
        }
    }

    @Singleton
    @Requires(classes = {ApiException.class, ExceptionHandler.class})
    static final class Unexpected implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> problems;

        Unexpected(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
            Optional<String> unreachable = UnreachableDatabase.reason(exception);
            if (unreachable.isPresent()) {
                LOG.warn("{} {}: the database is unreachable: {}", request.getMethod(), request.getPath(), unreachable.get());
                return Problems.answer(problems, request, HttpStatus.SERVICE_UNAVAILABLE,
                        "the database is unreachable, try again when it answers: " + unreachable.get());
            }
            LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
            return Problems.answer(problems, request, HttpStatus.INTERNAL_SERVER_ERROR, "the request failed: " + exception);
        }
    }
}
