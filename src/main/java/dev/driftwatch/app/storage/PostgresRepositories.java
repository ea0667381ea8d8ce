package dev.driftwatch.app.storage;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/**
 * The repositories bound to the Postgres SQL dialect; present only when the default datasource is Postgres
 * ({@link DatabaseKind}). Micronaut Data fixes a repository's dialect at compile time, hence one binding per database.
 */
final class PostgresRepositories {
    private PostgresRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(condition = DatabaseKind.IsPostgres.class)
    interface Datasets extends DatasetRepository {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(condition = DatabaseKind.IsPostgres.class)
    interface Snapshots extends SnapshotRepository {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(condition = DatabaseKind.IsPostgres.class)
    interface Runs extends RunRepository {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(condition = DatabaseKind.IsPostgres.class)
    interface RuleResults extends RuleResultRepository {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(condition = DatabaseKind.IsPostgres.class)
    interface Profiles extends ProfileRepository {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(condition = DatabaseKind.IsPostgres.class)
    interface ProfileMetrics extends ProfileMetricRepository {
    }
}
