package dev.driftwatch.app.storage;

import dev.driftwatch.testing.TestPostgres;
import java.util.Map;
import java.util.UUID;
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

    @Override
    MigrationDatabase emptyDatabase() {
        return new MigrationDatabase(url(), "postgres", "", "migration_" + UUID.randomUUID().toString().substring(0, 8),
                Map.of("large_text", "TEXT", "large_bytes", "BYTEA"));
    }

    private static String url() {
        return TestPostgres.url();
    }

    private static Map<String, Object> properties() {
        return Map.copyOf(TestPostgres.datasource());
    }
}
