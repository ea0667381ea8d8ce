package dev.driftwatch.app.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every error answer, for the OpenAPI document: RFC 7807 {@code application/problem+json} as
 * {@link ProblemAnswers} writes it.
 */
@Schema(name = "Problem", description = "An error answer (RFC 7807, application/problem+json)")
record ProblemView(
        @Schema(description = "about:blank: the status says it all", example = "about:blank") String type,
        @Schema(description = "the status's reason phrase", example = "Not Found") String title,
        @Schema(description = "the HTTP status", example = "404") int status,
        @Schema(description = "what was expected and what was found",
                example = "expected a dataset named 'pima2' but found none") String detail) {
}
