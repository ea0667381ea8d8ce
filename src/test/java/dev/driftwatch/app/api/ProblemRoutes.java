package dev.driftwatch.app.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * Routes that fail on purpose, for the statuses no Driftwatch route answers yet in a test context (429) and for the
 * unexpected (500). Present only where a test sets {@code driftwatch.test.problem-routes}.
 */
@Controller("/test-problems")
@Requires(property = "driftwatch.test.problem-routes", value = "true")
class ProblemRoutes {
    @Get("/throttled")
    String throttled() {
        throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "expected at most 1 request a second but found 2");
    }

    @Get("/broken")
    String broken() {
        throw new IllegalStateException("a bug");
    }
}
