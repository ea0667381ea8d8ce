package dev.driftwatch.engine.rule;

import java.util.Comparator;
import java.util.Locale;

/**
 * The outcome of one rule on one target. {@code skipped} means the rule had nothing to compare with yet (a
 * dataset's first snapshot has no reference): it neither blocks the gate nor alerts.
 *
 * <p>Each status has a stable {@link #code()} that orders it by severity: skipped −1, pass 0, warn 1, fail 2,
 * error 3. Skipped ranks below pass, so the worst of passes and skips is pass. Codes are what gauges, alert
 * rules and dashboards compare; they never depend on the order in which the constants are declared.
 */
public enum Status {
    PASS(0), WARN(1), FAIL(2), ERROR(3), SKIPPED(-1);

    /** Orders statuses from the least to the most severe (by {@link #code()}). */
    public static final Comparator<Status> BY_SEVERITY = Comparator.comparingInt(Status::code);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /** The more severe of the two (this one when they are equal). */
    public Status worst(Status other) {
        return code >= other.code ? this : other;
    }

    /** The stable numeric code: −1 skipped, 0 pass, 1 warn, 2 fail, 3 error. */
    public int code() {
        return code;
    }

    /** Whether a result with this status is a problem someone should hear of (warn, fail, error). */
    public boolean alerts() {
        return code > PASS.code;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
