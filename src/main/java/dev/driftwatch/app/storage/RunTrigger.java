package dev.driftwatch.app.storage;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Objects;

/**
 * What started a run: the scheduler, or a request to the API by a named caller.
 *
 * @param startedBy the caller whose token started the run (a request), or null (the schedule)
 */
public record RunTrigger(Kind kind, @Nullable String startedBy) {
    public static final RunTrigger SCHEDULE = new RunTrigger(Kind.SCHEDULE, null);

    public RunTrigger {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.REQUEST) == (startedBy == null || startedBy.isBlank())) {
            throw new IllegalArgumentException("expected a caller for a request and none for the schedule but found "
                    + kind.id() + " by " + startedBy);
        }
    }

    /** A run asked for through the API by the holder of a token. */
    public static RunTrigger request(String startedBy) {
        return new RunTrigger(Kind.REQUEST, startedBy);
    }

    /** {@code schedule} or {@code request}, as stored. */
    public String id() {
        return kind.id();
    }

    public enum Kind {
        SCHEDULE, REQUEST;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
