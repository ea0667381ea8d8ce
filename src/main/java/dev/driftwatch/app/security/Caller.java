package dev.driftwatch.app.security;

import java.util.Objects;
import java.util.Set;

/**
 * The holder of a valid token: its name (recorded on the runs it starts) and its role.
 *
 * @param name {@value #OPERATOR} for the API token, {@value #METRICS} for the metrics token, else the name given
 *             at {@code driftwatch.security.tokens.<name>}
 */
record Caller(String name, Role role) {
    static final String OPERATOR = "operator";
    static final String METRICS = "metrics";
    static final Set<String> RESERVED = Set.of(OPERATOR, METRICS);

    Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
