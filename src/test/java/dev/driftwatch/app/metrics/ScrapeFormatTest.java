package dev.driftwatch.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestToken;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /prometheus} answers OpenMetrics to a scraper that asks for it, the text format otherwise, never 406. */
class ScrapeFormatTest {
    @TempDir
    static Path tmp;

    private static EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "driftwatch.rules", Files.createDirectories(tmp.resolve("rules")).toString()), "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anOpenMetricsScraperGetsOpenMetricsEndingInEof() throws Exception {
        HttpResponse<String> response = scrape("application/openmetrics-text");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/openmetrics-text");
        assertThat(response.body()).endsWith("# EOF\n").contains("# TYPE jvm_threads_live_threads gauge");
    }

    @Test
    void prometheusOwnAcceptHeaderPrefersOpenMetrics() throws Exception {
        HttpResponse<String> response = scrape("application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
                + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/openmetrics-text");
    }

    @Test
    void anyOtherOrNoAcceptHeaderGetsTheTextFormat() throws Exception {
        for (String accept : new String[] {"text/plain", "*/*", "application/openmetrics-text;q=0, text/plain", null}) {
            HttpResponse<String> response = scrape(accept);
            assertThat(response.statusCode()).as(accept).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(accept)
                    .startsWith("text/plain").contains("version=0.0.4");
            assertThat(response.body()).as(accept).doesNotContain("# EOF").contains("# TYPE jvm_threads_live_threads gauge");
        }
    }

    @Test
    void theRunbooksEveryAlertLinksToAreServedWithOneSectionPerAlert() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                + "/docs/alerts")).header("Authorization", TestToken.BEARER).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
        String rules = Files.readString(Path.of("grafana/prometheus/driftwatch-alerts.yml"));
        java.util.regex.Matcher alert = java.util.regex.Pattern.compile("- alert: (\\w+)").matcher(rules);
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("DriftwatchRuleViolated"));
        while (alert.find()) {
            names.add(alert.group(1));
            assertThat(rules).contains("/docs/alerts#" + alert.group(1).toLowerCase(java.util.Locale.ROOT) + "\"");
        }
        assertThat(names).hasSize(6);
        names.forEach(name -> assertThat(response.body()).contains("\n## " + name + "\n"));
    }

    private static HttpResponse<String> scrape(String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/prometheus"))
                .header("Authorization", TestToken.BEARER);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
