package dev.driftwatch.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the tests use: 127.0.0.1:5432, user {@code postgres} with trust auth, database
 * {@code $DRIFTWATCH_TEST_PG_DB} (default {@code driftwatch_test}). Unreachable, a test is skipped, except under
 * {@code CI=true}, where it fails.
 */
public final class TestPostgres {
    private TestPostgres() {
    }

    public static String url() {
        return "jdbc:postgresql://127.0.0.1:5432/" + System.getenv().getOrDefault("DRIFTWATCH_TEST_PG_DB", "driftwatch_test");
    }

    /** The service's datasource settings for the test database, once it answers. */
    public static Map<String, String> datasource() {
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
