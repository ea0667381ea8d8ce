package dev.driftwatch.app.storage;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The column types the schema leaves to each database: Flyway placeholders {@code ${large_text}} and
 * {@code ${large_bytes}}. H2 caps {@code VARCHAR} and {@code VARBINARY} at 1,000,000 characters or bytes,
 * too little for a stored profile, so there they are {@code CLOB} and {@code BLOB}; PostgreSQL has
 * {@code TEXT} and {@code BYTEA}, which have no such cap (1 GB).
 */
@Singleton
class SchemaTypes implements BeanCreatedEventListener<FlywayConfigurationProperties> {
    private final Environment environment;

    SchemaTypes(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FlywayConfigurationProperties onCreated(BeanCreatedEvent<FlywayConfigurationProperties> event) {
        FlywayConfigurationProperties flyway = event.getBean();
        boolean postgres = DatabaseKind.of(environment.getProperty("datasources.default.url", String.class)
                .orElse(null)) == DatabaseKind.POSTGRES;
        flyway.getFluentConfiguration().placeholders(postgres
                ? Map.of("large_text", "TEXT", "large_bytes", "BYTEA")
                : Map.of("large_text", "CLOB", "large_bytes", "BLOB"));
        return flyway;
    }
}
