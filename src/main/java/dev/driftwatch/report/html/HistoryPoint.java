package dev.driftwatch.report.html;

import java.util.Map;
import java.util.Objects;

/**
 * The key figures of one snapshot's latest run, for the history charts of a dataset.
 *
 * @param rows          rows of the snapshot, or null when unknown
 * @param statusCounts  rule results by status id ({@code pass}, {@code warn}, {@code fail}, {@code error})
 * @param missingRatios missing share in [0, 1] by column, over all splits
 */
public record HistoryPoint(String snapshot, Double rows, Map<String, Long> statusCounts, Map<String, Double> missingRatios) {
    public HistoryPoint {
        Objects.requireNonNull(snapshot, "snapshot");
        statusCounts = Map.copyOf(statusCounts);
        missingRatios = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(missingRatios));
    }
}
