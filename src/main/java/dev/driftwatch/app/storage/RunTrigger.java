package dev.driftwatch.app.storage;

import java.util.Locale;

/** What started a run: the scheduler, or a request to the API. */
public enum RunTrigger {
    SCHEDULE, REQUEST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
