package dev.driftwatch.app.storage;

import io.micronaut.data.connection.exceptions.ConnectionException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database that cannot be reached (connection refused, closed, timed out, ended by the server)
 * from other failures, whichever driver, pool or repository layer the error went through.
 */
public final class UnreachableDatabase {
    /** SQLSTATE 57P01-57P03: the server ended the session (shutdown, terminated) or accepts none yet. */
    private static final Set<String> ENDED_BY_SERVER = Set.of("57P01", "57P02", "57P03");

    private UnreachableDatabase() {
    }

    /** The first line of the innermost SQL error, when the failure is an unreachable database. */
    public static Optional<String> reason(Throwable failure) {
        boolean unreachable = false;
        String reason = failure.toString();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            // a connection that died under a read fails again when it is reset, and that error hides the first
            unreachable |= t instanceof ConnectionException;
            if (t instanceof SQLException sql) {
                unreachable |= isLostConnection(sql);
                reason = String.valueOf(sql.getMessage()).lines().findFirst().orElse("");
            }
        }
        return unreachable ? Optional.of(reason) : Optional.empty();
    }

    private static boolean isLostConnection(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || state != null && (state.startsWith("08") || ENDED_BY_SERVER.contains(state));
    }
}
