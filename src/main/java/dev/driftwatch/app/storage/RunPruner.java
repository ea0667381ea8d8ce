package dev.driftwatch.app.storage;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Removes a dataset's expired runs as a {@link RetentionPlan} says, in one transaction, with plain SQL that H2 and
 * PostgreSQL run alike (children first: rule results, profile figures, profiles, then runs). Thread-safe.
 */
@Singleton
public class RunPruner {
    private static final String FINISHED = "SELECT id, snapshot_id, status, finished_at FROM runs"
            + " WHERE dataset_id = ? AND finished_at IS NOT NULL ORDER BY id DESC";

    private final DataSource dataSource;

    RunPruner(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    /**
     * @param references snapshots whose newest successful run keeps its profile whatever its age
     * @param maxAge     null for no age limit
     * @param keepLast   0 for no count limit
     * @throws IllegalStateException when the database refuses (nothing is removed then)
     */
    public Pruned prune(long datasetId, Set<Long> references, Instant now, Duration maxAge, int keepLast,
                        boolean keepHistory) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                RetentionPlan plan = RetentionPlan.of(finished(connection, datasetId), references, now, maxAge, keepLast,
                        keepHistory);
                Pruned pruned = apply(connection, plan);
                connection.commit();
                return pruned;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prune the runs of dataset " + datasetId + ": " + e.getMessage(), e);
        }
    }

    private static List<RetentionPlan.FinishedRun> finished(Connection connection, long datasetId) throws SQLException {
        List<RetentionPlan.FinishedRun> runs = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(FINISHED)) {
            select.setLong(1, datasetId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long snapshot = rows.getLong(2);
                    Timestamp finished = rows.getTimestamp(4);
                    runs.add(new RetentionPlan.FinishedRun(rows.getLong(1), rows.wasNull() ? null : snapshot,
                            RunStatus.SUCCEEDED.id().equals(rows.getString(3)), finished.toInstant()));
                }
            }
        }
        return runs;
    }

    private static Pruned apply(Connection connection, RetentionPlan plan) throws SQLException {
        Set<Long> whole = plan.runsDeleted();
        long results = delete(connection, "rule_results", whole) + delete(connection, "rule_results", plan.resultsDeleted());
        long metrics = delete(connection, "profile_metrics", whole) + delete(connection, "profile_metrics", plan.profilesDeleted());
        long profiles = delete(connection, "profiles", whole) + delete(connection, "profiles", plan.profilesDeleted());
        long runs = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM runs WHERE id = ?")) {
            for (long id : whole) {
                delete.setLong(1, id);
                runs += delete.executeUpdate();
            }
        }
        return new Pruned(runs, results, profiles, metrics);
    }

    private static long delete(Connection connection, String table, Set<Long> runIds) throws SQLException {
        long count = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
            for (long id : runIds) {
                delete.setLong(1, id);
                count += delete.executeUpdate();
            }
        }
        return count;
    }

    /** Rows removed from each table. */
    public record Pruned(long runs, long ruleResults, long profiles, long profileMetrics) {
        public boolean any() {
            return runs + ruleResults + profiles + profileMetrics > 0;
        }
    }
}
