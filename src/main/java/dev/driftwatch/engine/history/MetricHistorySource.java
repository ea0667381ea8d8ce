package dev.driftwatch.engine.history;

/**
 * Where an {@code anomaly} rule finds the earlier values of its figure: the service's store, a folder of saved
 * profiles, or a running service. Implementations say their thread safety.
 */
@FunctionalInterface
public interface MetricHistorySource {
    /** No history at all: every anomaly rule is skipped. */
    MetricHistorySource NONE = key -> MetricHistory.EMPTY;

    /**
     * The earlier values of the figure, oldest first.
     *
     * @throws RuntimeException when the history cannot be read; the rule then reports an error
     */
    MetricHistory history(MetricKey key);
}
