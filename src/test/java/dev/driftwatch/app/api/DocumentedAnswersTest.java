package dev.driftwatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The answers shown in src/site/markdown/service-and-api.md are the service's: for every {@code curl} of a
 * {@code GET} there whose answer the page shows (the {@code # {...}} or {@code # [...]} lines under it), the same
 * request to the service running the repository's own rules/ over its example datasets answers with every key
 * the page shows.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentedAnswersTest implements TestPropertyProvider {
    private static final Path PAGE = Path.of("src/site/markdown/service-and-api.md");
    private static final Pattern CURL = Pattern.compile("^curl -s localhost:8080(/\\S+)");
    private static final Pattern KEY = Pattern.compile("\"(\\w+)\":");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root = TemporaryFolders.create("driftwatch-documented-answers");

    @Inject
    EmbeddedServer server;
    @Inject
    DatasetWatch watch;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("driftwatch.rules", "rules", "driftwatch.scheduler.enabled", "false",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"));
    }

    @Test
    void everyKeyThePageShowsIsInTheRealAnswer() throws Exception {
        watch.tick().join();
        JsonNode madewithml = get("/api/datasets/madewithml");
        String run = madewithml.at("/latestRun/id").asText();
        assertThat(run).as("a run of madewithml").isNotBlank();

        List<String> lines = Files.readAllLines(PAGE);
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher curl = CURL.matcher(lines.get(i));
            if (!curl.find()) {
                continue;
            }
            StringBuilder shown = new StringBuilder();
            for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("# ")
                    && (shown.length() > 0 || lines.get(j).matches("# [\\[{].*")); j++) {
                shown.append(lines.get(j).substring(2));
            }
            Set<String> documented = new LinkedHashSet<>();
            Matcher key = KEY.matcher(shown);
            while (key.find()) {
                documented.add(key.group(1));
            }
            if (documented.isEmpty()) {
                continue;
            }
            String path = curl.group(1).replace("$RUN", run);
            Set<String> real = new HashSet<>();
            keys(get(path), real);
            assertThat(real).as(PAGE + ":" + (i + 1) + " GET " + path).containsAll(documented);
            checked++;
        }
        assertThat(checked).as("documented answers checked").isGreaterThanOrEqualTo(4);
    }

    private static void keys(JsonNode node, Set<String> into) {
        node.fields().forEachRemaining(field -> {
            into.add(field.getKey());
            keys(field.getValue(), into);
        });
        if (node.isArray()) {
            node.forEach(element -> keys(element, into));
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
