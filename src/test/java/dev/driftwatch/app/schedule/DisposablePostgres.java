package dev.driftwatch.app.schedule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the PostgreSQL at 127.0.0.1:5432 (user {@code postgres}) that a test can
 * make go away and come back. Skipped when that server is unreachable, except under {@code CI=true},
 * where that fails.
 */
final class DisposablePostgres implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String name = "driftwatch_outage_" + UUID.randomUUID().toString().replace("-", "");

    DisposablePostgres() {
        try (Connection admin = admin()) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String reason = "expected PostgreSQL at " + SERVER + " but could not create a database: " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason, e);
            }
            Assumptions.abort(reason);
        }
    }

    String url() {
        return SERVER + name;
    }

    /**
     * From now on no one can connect, and the next run that stores its profile ends every session,
     * its own included, in the middle of its transaction: the database goes away while results are stored.
     */
    void goAwayWhileStoringResults() throws SQLException {
        try (Connection own = DriverManager.getConnection(url(), "postgres", "")) {
            own.createStatement().execute("""
                    CREATE FUNCTION go_away() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      PERFORM pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid();
                      PERFORM pg_terminate_backend(pg_backend_pid());
                      RETURN NEW;
                    END $$;
                    CREATE TRIGGER go_away BEFORE INSERT ON profiles FOR EACH ROW EXECUTE FUNCTION go_away();
                    """);
        }
        try (Connection admin = admin()) {
            admin.createStatement().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        }
    }

    /** From now on no one can connect, and every session of the database ends now. */
    void goAwayNow() throws SQLException {
        try (Connection admin = admin()) {
            admin.createStatement().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + name + "'");
        }
    }

    void comeBack() throws SQLException {
        try (Connection admin = admin()) {
            admin.createStatement().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }
        try (Connection own = DriverManager.getConnection(url(), "postgres", "")) {
            own.createStatement().execute("DROP TRIGGER IF EXISTS go_away ON profiles; DROP FUNCTION IF EXISTS go_away()");
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin()) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", "postgres", "");
    }
}
