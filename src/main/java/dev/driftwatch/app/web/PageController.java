package dev.driftwatch.app.web;

import dev.driftwatch.app.api.RunRequestRate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's HTML pages: {@code /} (datasets), {@code /datasets/{name}}, a column's history
 * {@code /datasets/{name}/columns?column=}, two snapshots compared {@code /datasets/{name}/compare?from=&to=} and
 * {@code /runs/{id}} (a run's report).
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class PageController {
    private final StoredPages pages;
    private final StoredColumnHistory columns;
    private final StoredComparison comparisons;
    private final RunRequestRate rate;

    PageController(StoredPages pages, StoredColumnHistory columns, StoredComparison comparisons, RunRequestRate rate) {
        this.rate = rate;
        this.pages = pages;
        this.columns = columns;
        this.comparisons = comparisons;
    }

    @Get
    String overview() {
        return pages.overview();
    }

    @Get("/datasets/{name}")
    HttpResponse<String> dataset(String name) {
        return pages.dataset(name).<HttpResponse<String>>map(HttpResponse::ok)
                .orElseGet(() -> notFound("expected a declared dataset named '" + name + "' but found none"));
    }

    @Get("/datasets/{name}/columns{?column}")
    HttpResponse<String> column(String name, @Nullable String column) {
        if (column == null || column.isBlank()) {
            return HttpResponse.<String>badRequest().contentType(MediaType.TEXT_HTML_TYPE).body(page("Bad request",
                    "expected a column name in ?column= but found none"));
        }
        return columns.page(name, column).<HttpResponse<String>>map(HttpResponse::ok)
                .orElseGet(() -> notFound("expected a declared dataset named '" + name + "' but found none"));
    }

    /** Reading the rows again costs as much as a run: it takes from the dataset's run request rate (429 beyond it). */
    @Get("/datasets/{name}/compare{?from,to,rows}")
    HttpResponse<String> compare(String name, @Nullable String from, @Nullable String to, @Nullable String rows) {
        boolean readRows = "on".equals(rows) || "true".equals(rows);
        Optional<Duration> wait = readRows ? rate.take(name) : Optional.empty();
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return HttpResponse.<String>status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.TEXT_HTML_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                    .body(page("Too many requests", "expected at most " + rate.perMinute() + " runs or comparisons that"
                            + " read rows a minute for dataset '" + name + "' (driftwatch.limits.run-requests-per-minute)"
                            + " but found more; try again in " + seconds + " s, or compare the stored profiles"));
        }
        return comparisons.page(name, from, to, readRows).<HttpResponse<String>>map(HttpResponse::ok)
                .orElseGet(() -> notFound("expected a declared dataset named '" + name + "' but found none"));
    }

    @Get("/runs/{id}{?page}")
    HttpResponse<String> run(long id, @Nullable Integer page) {
        try {
            return pages.run(id, page == null ? 1 : page).<HttpResponse<String>>map(HttpResponse::ok)
                    .orElseGet(() -> notFound("expected a finished, successful run " + id + " but found none"));
        } catch (IllegalArgumentException e) {
            return notFound("run " + id + ": " + e.getMessage());
        }
    }

    private static HttpResponse<String> notFound(String message) {
        return HttpResponse.<String>notFound().contentType(MediaType.TEXT_HTML_TYPE).body(page("Not found", message));
    }

    private static String page(String title, String message) {
        return dev.driftwatch.report.html.HtmlPage.document(title, StoredPages.HOME,
                "<h1>" + title + "</h1><p>" + dev.driftwatch.report.html.Html.escape(message) + "</p>");
    }
}
