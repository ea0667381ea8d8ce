package dev.driftwatch.app.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The error answers an operation can give, each a {@link ProblemView}, named once for the OpenAPI document. */
public final class ProblemResponses {
    static final String PROBLEM = "application/problem+json";

    private ProblemResponses() {
    }

    /** What every API operation can answer: no token where reading is closed, a server fault, a database away. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Unauthorized
    @ApiResponse(responseCode = "500", description = "an unexpected fault; the service's log has its cause",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemView.class)))
    @ApiResponse(responseCode = "503", description = "the database cannot be reached",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemView.class)))
    public @interface Always {
    }

    /** Reading is closed to anonymous callers (or the scrape has its own token) and no valid token was given. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.ANNOTATION_TYPE, ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "401", description = "no valid token was given where one is needed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemView.class)))
    public @interface Unauthorized {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", description = "no such dataset or run",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemView.class)))
    public @interface NotFound {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", description = "a query parameter out of range or unknown",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemView.class)))
    public @interface BadRequest {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "409", description = "not possible in the dataset's state: no run yet, no snapshot, a broken"
            + " rules file, or a run in progress",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemView.class)))
    public @interface Conflict {
    }

    /** A sent report: the token is required, and the body must be a run of the dataset. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", description = "the body is not a run of this dataset as check --json writes it"
            + " (the detail names the field: expected X but found Y), a result of a rule the rules file does not declare,"
            + " or from is not spark or cli",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemView.class)))
    @ApiResponse(responseCode = "403", description = "the token is valid but may not change anything, or the request"
            + " came from another site's page (Origin)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemView.class)))
    public @interface SentReport {
    }

    /** A run request: the token is required, and each dataset takes only so many a minute. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "403", description = "the token is valid but may not start runs, or the request came"
            + " from another site's page (Origin)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemView.class)))
    @ApiResponse(responseCode = "429", description = "more run requests for this dataset than"
            + " driftwatch.limits.run-requests-per-minute; Retry-After says when to try again",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemView.class)))
    public @interface RunRequest {
    }
}
