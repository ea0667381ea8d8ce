package dev.driftwatch.app.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /docs/alerts}: the alert runbooks (src/site/markdown/alerts.md, one section per alert) as Markdown, so
 * every alert's {@code runbook_url} ({@code <public-url>/docs/alerts#<alert name in lower case>}) opens where the
 * service runs.
 */
@Controller("/docs")
class RunbookController {
    static final String TEXT_MARKDOWN = "text/markdown; charset=utf-8";
    private final String runbooks;

    RunbookController() {
        try (InputStream in = RunbookController.class.getResourceAsStream("/docs/alerts.md")) {
            runbooks = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/alerts", produces = MediaType.ALL)
    HttpResponse<String> alerts() {
        if (runbooks == null) {
            return HttpResponse.<String>notFound().contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body("expected the runbooks docs/alerts.md in the service's jar but found none");
        }
        return HttpResponse.ok(runbooks).contentType(TEXT_MARKDOWN);
    }
}
