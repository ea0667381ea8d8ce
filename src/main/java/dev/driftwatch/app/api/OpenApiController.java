package dev.driftwatch.app.api;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /openapi.yml}: the OpenAPI 3 document of every route, generated from the controllers when the service is
 * built (micronaut-openapi; its file name is set in pom.xml), read once.
 */
@Controller
@Hidden
class OpenApiController {
    static final String RESOURCE = "classpath:META-INF/swagger/openapi.yml";

    private final String document;

    OpenApiController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream(RESOURCE).orElseThrow(() -> new ApiException(
                HttpStatus.INTERNAL_SERVER_ERROR, "expected the OpenAPI document " + RESOURCE + " in the build but found none"))) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/openapi.yml")
    @Produces("application/yaml")
    String document() {
        return document;
    }
}
