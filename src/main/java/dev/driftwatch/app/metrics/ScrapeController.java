package dev.driftwatch.app.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.driftwatch.app.api.ProblemResponses;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Locale;

/**
 * {@code GET /prometheus}: the metrics in the OpenMetrics format when the scraper asks for it
 * ({@code Accept: application/openmetrics-text}), else in Prometheus' text format 0.0.4, never 406. Replaces the
 * management endpoint of the same path ({@code endpoints.prometheus.enabled: false}).
 */
@Controller("/prometheus")
@ExecuteOn(TaskExecutors.BLOCKING)
class ScrapeController {
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry;

    ScrapeController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(produces = MediaType.ALL)
    @ProblemResponses.Unauthorized
    HttpResponse<String> scrape(@Header(value = HttpHeaders.ACCEPT, defaultValue = "") String accept) {
        String type = wantsOpenMetrics(accept) ? OPENMETRICS : TEXT;
        return HttpResponse.ok(registry.scrape(type)).contentType(type);
    }

    /** True when the Accept header names OpenMetrics without refusing it ({@code q=0}). */
    static boolean wantsOpenMetrics(String accept) {
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String compact = range.replace(" ", "");
            if (compact.startsWith("application/openmetrics-text") && !compact.matches(".*;q=0(\\.0*)?(;.*)?$")) {
                return true;
            }
        }
        return false;
    }
}
