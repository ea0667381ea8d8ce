package dev.driftwatch.app.api;

import io.micronaut.http.HttpStatus;

/** An API request that cannot be answered as asked: answered with {@code status} and an {@link ApiError}. */
final class ApiException extends RuntimeException {
    private final HttpStatus status;

    ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static ApiException unknownDataset(String name) {
        return new ApiException(HttpStatus.NOT_FOUND, "expected a dataset declared in the rules folder but found no '"
                + name + "'");
    }
}
