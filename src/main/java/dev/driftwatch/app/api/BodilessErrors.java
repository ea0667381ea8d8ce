package dev.driftwatch.app.api;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

/**
 * Gives a problem body to the error answers that filters send without one: Micronaut's refusal of a cross-origin
 * request to a service on localhost (403, before Driftwatch's own access rule sees it). Runs first, so it sees every
 * answer last.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BodilessErrors implements Ordered {
    private final ErrorResponseProcessor<?> problems;

    BodilessErrors(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @ResponseFilter
    HttpResponse<?> addProblem(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || response.getBody().isPresent() || request.getMethod() == HttpMethod.HEAD) {
            return response;
        }
        HttpStatus status = response.status();
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String detail = status == HttpStatus.FORBIDDEN && origin != null
                ? "expected a " + request.getMethod() + " from this service's own origin but found Origin " + origin
                : status.getReason() + ": " + request.getMethod() + " " + request.getPath();
        MutableHttpResponse<?> problem = Problems.answer(problems, request, status, detail);
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> problem.header(name, value));
            }
        });
        return problem;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
