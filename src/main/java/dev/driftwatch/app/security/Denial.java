package dev.driftwatch.app.security;

import io.micronaut.http.HttpStatus;
import java.util.Objects;

/** Why {@link AccessRule} refused a request: the status to answer with and a sentence. */
record Denial(HttpStatus status, String message) {
    static final String ATTRIBUTE = "driftwatch.denial";

    Denial {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
