package dev.driftwatch.app.storage;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;

/**
 * The storage tests on PostgreSQL at 127.0.0.1:5432 (user {@code postgres}), database from
 * {@code DRIFTWATCH_TEST_PG_DB} (default {@code driftwatch_test}). Skipped when PostgreSQL is
 * unreachable, except under {@code CI=true}, where that fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStorageTest extends StorageContract {
    PostgresStorageTest() {
        super(properties());
    }

    @Override
    String expectedBinding() {
        return "PostgresRepositories";
    }

    /** A schema of its own in the test database, which Flyway creates. */
    @Override
    String[] emptyDatabase() {
        String schema = "migration_" + java.util.UUID.randomUUID().toString().replace("-", "");
        return new String[] {url() + "?currentSchema=" + schema, "postgres", "", schema};
    }

    private static String url() {
        return "jdbc:postgresql://127.0.0.1:5432/" + System.getenv().getOrDefault("DRIFTWATCH_TEST_PG_DB", "driftwatch_test");
    }

    private static Map<String, Object> properties() {
        String url = url();
        try (var connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.isValid(5);
        } catch (SQLException e) {
            String reason = "expected PostgreSQL at " + url + " but could not connect: " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason, e);
            }
            Assumptions.abort(reason);
        }
        return Map.of("datasources.default.url", url, "datasources.default.username", "postgres",
                "datasources.default.password", "");
    }
}
