package dev.driftwatch.app.storage;

import dev.driftwatch.engine.dataset.SnapshotOrder;
import dev.driftwatch.engine.history.MetricHistory;
import dev.driftwatch.engine.history.MetricHistorySource;
import dev.driftwatch.engine.history.MetricKey;
import dev.driftwatch.engine.history.ProfileHistory;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The history {@code anomaly} rules see in the service: the stored profiles of a dataset's snapshots that have a
 * successful run (failed and unfinished runs never enter it), in the order the dataset's runs compare snapshots,
 * each snapshot version by its latest successful run. Profiles are read only when a rule first asks.
 */
@Singleton
public class StoredHistory {
    private final SnapshotRepository snapshots;
    private final RunStore store;

    public StoredHistory(SnapshotRepository snapshots, RunStore store) {
        this.snapshots = snapshots;
        this.store = store;
    }

    /** Every snapshot of the dataset with a successful run, oldest first in {@code order}. */
    public MetricHistorySource of(DatasetRow dataset, SnapshotOrder order) {
        return before(dataset, order, null);
    }

    /**
     * The snapshots that come before {@code current} in {@code order} (all of them when {@code current} is null).
     * The returned source reads profiles once, on first use; not thread-safe.
     */
    public MetricHistorySource before(DatasetRow dataset, SnapshotOrder order, SnapshotRow current) {
        return new MetricHistorySource() {
            private ProfileHistory profiles;

            @Override
            public MetricHistory history(MetricKey key) {
                if (profiles == null) {
                    profiles = read(dataset, order, current);
                }
                return profiles.history(key);
            }
        };
    }

    private ProfileHistory read(DatasetRow dataset, SnapshotOrder order, SnapshotRow current) {
        Comparator<SnapshotRow> inOrder = order.comparator(SnapshotRow::name, StoredHistory::time);
        List<ProfileHistory.Entry> entries = new ArrayList<>();
        List<SnapshotRow> rows = snapshots.findByDatasetIdOrderByName(dataset.id()).stream().sorted(inOrder).toList();
        for (SnapshotRow row : rows) {
            if (current != null && (row.name().equals(current.name()) || inOrder.compare(row, current) >= 0)) {
                continue;
            }
            store.successfulRun(row).flatMap(store::profile).ifPresent(profile ->
                    entries.add(new ProfileHistory.Entry(row.name(), time(row), profile)));
        }
        return new ProfileHistory(entries);
    }

    private static java.time.Instant time(SnapshotRow row) {
        return row.modifiedAt() != null ? row.modifiedAt() : row.discoveredAt();
    }
}
