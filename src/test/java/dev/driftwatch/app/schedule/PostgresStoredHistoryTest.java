package dev.driftwatch.app.schedule;

import dev.driftwatch.testing.TestPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/**
 * {@link StoredHistoryContract} on PostgreSQL at 127.0.0.1:5432 (user {@code postgres}), database from
 * {@code DRIFTWATCH_TEST_PG_DB} (default {@code driftwatch_test}). Skipped when PostgreSQL is unreachable, except
 * under {@code CI=true}, where that fails.
 */
@MicronautTest
class PostgresStoredHistoryTest extends StoredHistoryContract {
    @Override
    Map<String, String> database() {
        return TestPostgres.datasource();
    }
}
