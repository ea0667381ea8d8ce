package dev.driftwatch.engine.history;

import dev.driftwatch.engine.profile.SnapshotProfile;
import java.time.Instant;
import java.util.ArrayList;
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
        if (!key.metric().pairwise()) {
            return new MetricHistory(profiles.stream().flatMap(entry -> entry.point(key).stream()).toList());
        }
        List<HistoryPoint> points = new ArrayList<>();
        for (int i = 1; i < profiles.size(); i++) {
            Entry entry = profiles.get(i);
            key.metric().between(profiles.get(i - 1).profile(), entry.profile(), key)
                    .ifPresent(value -> points.add(new HistoryPoint(entry.snapshotId(), entry.time(), value)));
        }
        return new MetricHistory(points);
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
