package dev.driftwatch.app.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

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

    PageController(StoredPages pages, StoredColumnHistory columns, StoredComparison comparisons) {
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

    @Get("/datasets/{name}/compare{?from,to,rows}")
    HttpResponse<String> compare(String name, @Nullable String from, @Nullable String to, @Nullable String rows) {
        return comparisons.page(name, from, to, "on".equals(rows) || "true".equals(rows)).<HttpResponse<String>>map(HttpResponse::ok)
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
