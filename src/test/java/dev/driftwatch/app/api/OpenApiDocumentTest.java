package dev.driftwatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi.yml} over real HTTP, without a token: an OpenAPI 3 document that names every route of
 * Driftwatch's controllers (as the running router knows them) with its method, and each component it refers to.
 */
@MicronautTest
class OpenApiDocumentTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Inject
    EmbeddedServer server;
    @Inject
    Router router;

    @Test
    void theDocumentIsOpenApi3AndNamesEveryRouteOfTheControllers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getPort() + "/openapi.yml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/yaml"));
        JsonNode document = YAML.readTree(response.body());

        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.at("/info/title").asText()).isEqualTo("Driftwatch");
        List<String> routes = driftwatchRoutes();
        assertThat(routes).as("the routes the router serves").contains("GET /api/datasets/{name}/runs",
                "POST /api/datasets/{name}/runs", "GET /api/runs/{id}");
        for (String route : routes) {
            String[] methodAndPath = route.split(" ", 2);
            JsonNode operation = document.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
            assertThat(operation.isObject()).as(route + " in the document").isTrue();
            assertThat(operation.path("responses").size()).as(route + " responses").isPositive();
        }
        assertThat(document.path("paths").size()).as("no path the router does not serve").isEqualTo(
                routes.stream().map(r -> r.split(" ", 2)[1]).distinct().count());
        everyReferenceResolves(document, document);
    }

    private List<String> driftwatchRoutes() {
        List<String> routes = new ArrayList<>();
        router.uriRoutes().forEach(route -> {
            UriRouteInfo<?, ?> info = route;
            Class<?> controller = info.getDeclaringType();
            // Micronaut answers HEAD for every GET by itself; the document lists the GET
            if (controller.getPackageName().startsWith("dev.driftwatch") && controller != OpenApiController.class
                    && !info.getHttpMethodName().equals("HEAD")) {
                routes.add(info.getHttpMethodName() + " " + info.getUriMatchTemplate().toPathString());
            }
        });
        return routes;
    }

    /** Every {@code $ref} names a component the document holds: a parser would refuse a dangling one. */
    private static void everyReferenceResolves(JsonNode node, JsonNode document) throws IOException {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertThat(ref).startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        for (JsonNode child : node) {
            everyReferenceResolves(child, document);
        }
    }
}
