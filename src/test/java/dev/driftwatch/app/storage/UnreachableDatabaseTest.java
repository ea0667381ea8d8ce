package dev.driftwatch.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.exceptions.ConnectionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class UnreachableDatabaseTest {
    @Test
    void aLostConnectionAnywhereInTheChainIsToldByTheInnermostSqlError() {
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct",
                "08001");
        var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001", refused);
        assertThat(UnreachableDatabase.reason(new IllegalStateException("Failed to obtain JDBC Connection", pool)))
                .contains("Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct");
        assertThat(UnreachableDatabase.reason(new RuntimeException(new SQLException(
                "FATAL: terminating connection due to administrator command\n  Where: SQL statement", "57P01"))))
                .contains("FATAL: terminating connection due to administrator command");
        assertThat(UnreachableDatabase.reason(new SQLNonTransientConnectionException("Connection is broken", "90067")))
                .contains("Connection is broken");
        assertThat(UnreachableDatabase.reason(new ConnectionException("Could not set JDBC Connection read-only",
                new SQLException("Connection is closed")))).contains("Connection is closed");
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(UnreachableDatabase.reason(new RuntimeException(new SQLException("duplicate key", "23505")))).isEmpty();
        assertThat(UnreachableDatabase.reason(new UncheckedIOException(new IOException("disk full")))).isEmpty();
        assertThat(UnreachableDatabase.reason(new IllegalStateException("no cause"))).isEmpty();
    }
}
