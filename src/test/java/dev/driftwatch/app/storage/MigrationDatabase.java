package dev.driftwatch.app.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * An empty database, or an empty schema of a shared one, on which the service's migrations run step by step.
 *
 * @param schema the schema to migrate and drop afterwards, or null for the database's own
 * @param types  the values of the placeholders {@code large_text} and {@code large_bytes} ({@link SchemaTypes})
 */
record MigrationDatabase(String url, String user, String password, String schema, Map<String, String> types) {
    /** @param target the last version to apply, or null for all */
    Flyway flyway(String target) {
        FluentConfiguration configuration = Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration").placeholders(types);
        if (schema != null) {
            configuration.schemas(schema).defaultSchema(schema);
        }
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        if (schema != null) {
            connection.setSchema(schema);
        }
        return connection;
    }

    void drop() throws SQLException {
        if (schema == null) {
            return;
        }
        try (var connection = DriverManager.getConnection(url, user, password); var statement = connection.createStatement()) {
            statement.executeUpdate("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
