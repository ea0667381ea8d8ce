package dev.driftwatch.app.metrics;

import dev.driftwatch.app.events.RunFinished;
import java.util.List;
import java.util.Map;

/**
 * The stored runs that metrics and alerts are rebuilt from when the service starts, so that gauges and
 * alert states survive a restart. Implemented over the run storage; absent, nothing is rebuilt.
 */
public interface StoredRuns {
    /**
     * For every dataset that has runs, oldest first: its latest successful run, then its latest run when
     * that one is later and failed. Never null.
     */
    List<RunFinished> latestRuns();

    /** For every dataset that has runs: its stored runs by outcome ({@code succeeded}, {@code failed}). Never null. */
    Map<String, Map<String, Long>> runsByOutcome();
}
