package dev.driftwatch.app.schedule;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * {@link StoredHistoryContract} on PostgreSQL at 127.0.0.1:5432 (user {@code postgres}), database from
 * {@code DRIFTWATCH_TEST_PG_DB} (default {@code driftwatch_test}). Skipped when PostgreSQL is unreachable, except
 * under {@code CI=true}, where that fails.
 */
@MicronautTest
class PostgresStoredHistoryTest extends StoredHistoryContract {
    @Override
    Map<String, String> database() {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + System.getenv().getOrDefault("DRIFTWATCH_TEST_PG_DB", "driftwatch_test");
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
