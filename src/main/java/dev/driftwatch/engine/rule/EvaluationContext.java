package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.history.MetricHistorySource;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a rule may look at.
 *
 * @param reference the profile of the reference snapshot (previous or pinned), when there is one
 * @param now       the evaluation time (for freshness)
 * @param vocabulary the declared tag vocabulary of this snapshot: none declared, read, or unreadable (with why)
 * @param history   the earlier values of the dataset's figures, for {@code anomaly} rules
 */
public record EvaluationContext(DatasetDefinition dataset, Snapshot snapshot, SnapshotProfile current,
                                Optional<SnapshotProfile> reference, Instant now, VocabularyLookup vocabulary,
                                MetricHistorySource history) {
    public EvaluationContext {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(history, "history");
    }

    /** A context without history: {@code anomaly} rules are skipped. */
    public EvaluationContext(DatasetDefinition dataset, Snapshot snapshot, SnapshotProfile current,
                             Optional<SnapshotProfile> reference, Instant now, VocabularyLookup vocabulary) {
        this(dataset, snapshot, current, reference, now, vocabulary, MetricHistorySource.NONE);
    }
}
