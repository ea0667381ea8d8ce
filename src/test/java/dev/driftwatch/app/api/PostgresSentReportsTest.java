package dev.driftwatch.app.api;

import dev.driftwatch.testing.TestPostgres;
import java.util.Map;

/**
 * Sent reports on PostgreSQL at 127.0.0.1:5432 (user {@code postgres}), database {@code DRIFTWATCH_TEST_PG_DB}
 * (default {@code driftwatch_test}). Skipped when PostgreSQL is unreachable, except under {@code CI=true}, where that
 * fails.
 */
class PostgresSentReportsTest extends SentReportsContract {
    @Override
    Map<String, Object> database() {
        return Map.copyOf(TestPostgres.datasource());
    }
}
