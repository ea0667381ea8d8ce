package dev.driftwatch.app.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The service's HTML pages: {@code /} (datasets), {@code /datasets/{name}} and {@code /runs/{id}} (a run's report). */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class PageController {
    private final StoredPages pages;

    PageController(StoredPages pages) {
        this.pages = pages;
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

    @Get("/runs/{id}")
    HttpResponse<String> run(long id) {
        return pages.run(id).<HttpResponse<String>>map(HttpResponse::ok)
                .orElseGet(() -> notFound("expected a finished, successful run " + id + " but found none"));
    }

    private static HttpResponse<String> notFound(String message) {
        return HttpResponse.<String>notFound().contentType(MediaType.TEXT_HTML_TYPE)
                .body(dev.driftwatch.report.html.HtmlPage.document("Not found", StoredPages.HOME,
                        "<h1>Not found</h1><p>" + dev.driftwatch.report.html.Html.escape(message) + "</p>"));
    }
}
