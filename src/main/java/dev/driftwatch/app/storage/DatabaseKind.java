package dev.driftwatch.app.storage;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/**
 * Which database the default datasource points at, told by its JDBC URL
 * ({@code datasources.default.url}): PostgreSQL for {@code jdbc:postgresql:...}, H2 otherwise.
 */
public enum DatabaseKind {
    H2, POSTGRES;

    static DatabaseKind of(String url) {
        return url != null && url.startsWith("jdbc:postgresql:") ? POSTGRES : H2;
    }

    static DatabaseKind of(ConditionContext context) {
        var resolver = (PropertyResolver) context.getBeanContext();
        return of(resolver.getProperty("datasources.default.url", String.class).orElse(null));
    }

    /** Matches when the default datasource is H2. */
    public static final class IsH2 implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context) == H2;
        }
    }

    /** Matches when the default datasource is PostgreSQL. */
    public static final class IsPostgres implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context) == POSTGRES;
        }
    }
}
