package dev.driftwatch.app.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import io.micronaut.problem.conf.ProblemConfiguration;
import jakarta.inject.Singleton;
import java.net.URI;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

/**
 * Every error answer of the service, Micronaut's own (400 bad argument, 404 unknown route, 405, 415) and
 * Driftwatch's ({@link ApiException}, access refusals, an unreachable database), as an RFC 7807
 * {@code application/problem+json} body: {@code type} ({@code about:blank}: the status says it all), {@code title}
 * (the status's reason phrase), {@code status} and {@code detail} (a sentence saying what was expected and what was
 * found). The HTML pages answer their own 404 in HTML.
 */
@Singleton
@Replaces(ProblemErrorResponseProcessor.class)
final class ProblemAnswers extends ProblemErrorResponseProcessor {
    private static final URI BLANK = URI.create("about:blank");

    ProblemAnswers(ProblemConfiguration configuration) {
        super(configuration);
    }

    @Override
    protected ThrowableProblem defaultProblem(ErrorContext context, HttpStatus status) {
        String detail = context.getErrors().isEmpty() ? status.getReason() : context.getErrors().get(0).getMessage();
        return Problem.builder().withType(BLANK).withTitle(status.getReason()).withStatus(new HttpStatusType(status))
                .withDetail(detail).build();
    }
}
