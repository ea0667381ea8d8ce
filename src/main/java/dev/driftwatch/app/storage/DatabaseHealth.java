package dev.driftwatch.app.storage;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.AsyncSingleResultPublisher;
import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's part of {@code /health}, in place of Micronaut's JDBC indicator (switched off in
 * {@code application.yml}), which logs a whole stack trace at every {@code /health} call while the
 * database is away. This one answers DOWN with the reason in one line, and logs one line when the database
 * goes away and one when it answers again.
 */
@Singleton
@Requires(beans = DataSource.class)
final class DatabaseHealth implements HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);
    private static final int VALIDATION_SECONDS = 3;

    private final DataSource dataSource;
    private final ExecutorService blocking;
    private final AtomicBoolean down = new AtomicBoolean();

    DatabaseHealth(DataSource dataSource, DataSourceResolver resolver, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.dataSource = resolver.resolve(dataSource);
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return new AsyncSingleResultPublisher<>(blocking, this::check);
    }

    HealthResult check() {
        var result = HealthResult.builder("database");
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_SECONDS)) {
                throw new SQLException("expected a valid connection but the database did not confirm one within "
                        + VALIDATION_SECONDS + " s");
            }
            DatabaseMetaData meta = connection.getMetaData();
            if (down.compareAndSet(true, false)) {
                LOG.info("/health: the database answers again");
            }
            return result.status(HealthStatus.UP).details(Map.of("url", meta.getURL(),
                    "database", meta.getDatabaseProductName(), "version", meta.getDatabaseProductVersion())).build();
        } catch (SQLException | RuntimeException e) {
            String reason = UnreachableDatabase.reason(e)
                    .map(r -> "the database is unreachable: " + r)
                    .orElseGet(() -> String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()));
            if (down.compareAndSet(false, true)) {
                LOG.warn("/health: {}", reason);
            }
            return result.status(HealthStatus.DOWN).details(Map.of("error", reason)).build();
        }
    }
}
