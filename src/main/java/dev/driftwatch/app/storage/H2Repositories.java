package dev.driftwatch.app.storage;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/**
 * The repositories bound to the H2 SQL dialect; present only when the default datasource is H2
 * ({@link DatabaseKind}). Micronaut Data fixes a repository's dialect at compile time, hence one binding per database.
 */
final class H2Repositories {
    private H2Repositories() {
    }

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(condition = DatabaseKind.IsH2.class)
    interface Datasets extends DatasetRepository {
    }

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(condition = DatabaseKind.IsH2.class)
    interface Snapshots extends SnapshotRepository {
    }

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(condition = DatabaseKind.IsH2.class)
    interface Runs extends RunRepository {
    }

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(condition = DatabaseKind.IsH2.class)
    interface RuleResults extends RuleResultRepository {
    }

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(condition = DatabaseKind.IsH2.class)
    interface Profiles extends ProfileRepository {
    }

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(condition = DatabaseKind.IsH2.class)
    interface ProfileMetrics extends ProfileMetricRepository {
    }
}
