package dev.driftwatch.app.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns exceptions of the API into JSON {@link ApiError} answers: 404 and 409 as raised, 500 for the unexpected. */
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
            LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
            return HttpResponse.<ApiError>status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body(new ApiError(500, "the request failed: " + exception));
        }
    }
}
