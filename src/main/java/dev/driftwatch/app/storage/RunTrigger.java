package dev.driftwatch.app.storage;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Objects;

/**
 * What started a run: the scheduler, a request to the API by a named caller, or a run evaluated elsewhere (on Spark,
 * or by {@code driftwatch check}) whose report a named caller sent.
 *
 * @param startedBy the caller whose token started or sent the run, or null (the schedule)
 */
public record RunTrigger(Kind kind, @Nullable String startedBy) {
    public static final RunTrigger SCHEDULE = new RunTrigger(Kind.SCHEDULE, null);

    public RunTrigger {
        Objects.requireNonNull(kind, "kind");
        if ((kind != Kind.SCHEDULE) == (startedBy == null || startedBy.isBlank())) {
            throw new IllegalArgumentException("expected a caller for a request or a sent report and none for the "
                    + "schedule but found " + kind.id() + " by " + startedBy);
        }
    }

    /** A run asked for through the API by the holder of a token. */
    public static RunTrigger request(String startedBy) {
        return new RunTrigger(Kind.REQUEST, startedBy);
    }

    /**
     * A run evaluated elsewhere, whose report the holder of a token sent.
     *
     * @param from {@link Kind#SPARK} or {@link Kind#CLI}
     */
    public static RunTrigger submitted(String sentBy, Kind from) {
        if (!from.evaluatedElsewhere()) {
            throw new IllegalArgumentException("expected spark or cli as where a sent run was evaluated but found "
                    + from.id());
        }
        return new RunTrigger(from, sentBy);
    }

    /** {@code schedule}, {@code request}, {@code spark} or {@code cli}, as stored. */
    public String id() {
        return kind.id();
    }

    /** Where the run was evaluated, and who had it evaluated or sent it. */
    public enum Kind {
        /** The service's schedule evaluated it. */
        SCHEDULE,
        /** The service evaluated it when a caller asked ({@code POST /api/datasets/{name}/runs}). */
        REQUEST,
        /** The Spark runner evaluated it; a caller sent its report ({@code POST /api/datasets/{name}/reports}). */
        SPARK,
        /** {@code driftwatch check} evaluated it; a caller sent its report. */
        CLI;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True for the runs the service stores from a sent report rather than evaluates. */
        public boolean evaluatedElsewhere() {
            return this == SPARK || this == CLI;
        }

        /** The kind with this id. @throws IllegalArgumentException naming the ids when there is none */
        public static Kind of(String id) {
            for (Kind kind : values()) {
                if (kind.id().equals(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("expected one of schedule, request, spark, cli but found " + id);
        }
    }
}
