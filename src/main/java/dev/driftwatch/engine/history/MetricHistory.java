package dev.driftwatch.engine.history;

import java.util.List;

/**
 * The earlier values of one figure, oldest first: the dataset's successful runs in snapshot order, before the
 * snapshot being judged. Immutable.
 */
public record MetricHistory(List<HistoryPoint> points) {
    public static final MetricHistory EMPTY = new MetricHistory(List.of());

    public MetricHistory {
        points = List.copyOf(points);
    }

    public int size() {
        return points.size();
    }

    public double[] values() {
        return points.stream().mapToDouble(HistoryPoint::value).toArray();
    }

    /** This history without the points of the given snapshot (a re-run never compares a snapshot with itself). */
    public MetricHistory without(String snapshotId) {
        return new MetricHistory(points.stream().filter(p -> !p.snapshotId().equals(snapshotId)).toList());
    }
}
