package dev.driftwatch.app.storage;

import java.util.Locale;

/** The life of a stored run. */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
