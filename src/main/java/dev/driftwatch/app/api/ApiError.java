package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of every error answer of the API: the HTTP status and a sentence saying what is wrong.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(int status, String message) {
}
