package dev.driftwatch.engine.history;

import dev.driftwatch.engine.profile.SnapshotProfile;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A history read from whole stored profiles: each figure is measured on each profile that has it. Immutable.
 *
 * @param profiles the earlier successful snapshots, oldest first (the order the dataset's runs compare them)
 */
public record ProfileHistory(List<Entry> profiles) implements MetricHistorySource {
    public ProfileHistory {
        profiles = List.copyOf(profiles);
    }

    /** The profiles ordered by snapshot time, equal times by snapshot id. */
    public static ProfileHistory byTime(List<Entry> profiles) {
        return new ProfileHistory(profiles.stream().sorted(Comparator.comparing(Entry::time)
                .thenComparing(Entry::snapshotId)).toList());
    }

    @Override
    public MetricHistory history(MetricKey key) {
        return new MetricHistory(profiles.stream().flatMap(entry -> entry.point(key).stream()).toList());
    }

    /** One stored profile and the snapshot it describes. */
    public record Entry(String snapshotId, Instant time, SnapshotProfile profile) {
        public Entry {
            Objects.requireNonNull(snapshotId, "snapshotId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(profile, "profile");
        }

        Optional<HistoryPoint> point(MetricKey key) {
            return key.metric().of(profile, key).map(value -> new HistoryPoint(snapshotId, time, value));
        }
    }
}
