package dev.driftwatch.app.api;

import dev.driftwatch.app.storage.UnreachableDatabase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions of the API into JSON {@link ApiError} answers: 404 and 409 as raised, 503 while the database
 * is unreachable, 500 for the unexpected.
 */
final class ApiErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandlers.class);

    private ApiErrorHandlers() {
    }

    @Produces
    @Singleton
    @Requires(classes = {ApiException.class, ExceptionHandler.class})
    static final class Expected implements ExceptionHandler<ApiException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, ApiException exception) {
            return HttpResponse.<ApiError>status(exception.status())
                    .body(new ApiError(exception.status().getCode(), exception.getMessage()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ApiException.class, ExceptionHandler.class})
    static final class Unexpected implements ExceptionHandler<RuntimeException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, RuntimeException exception) {
            Optional<String> unreachable = UnreachableDatabase.reason(exception);
            if (unreachable.isPresent()) {
                LOG.warn("{} {}: the database is unreachable: {}", request.getMethod(), request.getPath(), unreachable.get());
                return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(503,
                        "the database is unreachable, try again when it answers: " + unreachable.get()));
            }
            LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
            return HttpResponse.<ApiError>status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body(new ApiError(500, "the request failed: " + exception));
        }
    }
}
