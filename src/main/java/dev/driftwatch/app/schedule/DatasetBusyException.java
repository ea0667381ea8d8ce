package dev.driftwatch.app.schedule;

/** A dataset asked to run while a run of it is in progress; runs of one dataset never overlap. */
public final class DatasetBusyException extends RuntimeException {
    public DatasetBusyException(String dataset) {
        super("expected no run of dataset '" + dataset + "' in progress but one is; try again when it ends");
    }
}
