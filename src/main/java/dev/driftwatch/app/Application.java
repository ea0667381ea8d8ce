package dev.driftwatch.app;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts the Driftwatch service. Its API is described by the OpenAPI document generated at build time. */
@OpenAPIDefinition(info = @Info(title = "Driftwatch", version = "0.1.0",
        description = "Data-quality and drift monitoring of ML datasets: the declared datasets, their snapshots, runs"
                + " and verdicts. Errors are RFC 7807 application/problem+json."))
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
