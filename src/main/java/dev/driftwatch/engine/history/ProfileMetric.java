package dev.driftwatch.engine.history;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.TagSummary;
import dev.driftwatch.engine.profile.ValueCount;
import dev.driftwatch.engine.rule.drift.ProfileDistance;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A figure of a stored profile that an {@code anomaly} rule can follow over time. Each constant reads its figure
 * from a profile for a {@link MetricKey}; empty when the profile has no such figure (the column is absent, holds
 * no numbers, the split is missing). Shares are between 0 and 1.
 */
public enum ProfileMetric {
    /** Rows of the split (or of the snapshot when no split is named). */
    ROW_COUNT(Needs.NOTHING) {
        @Override
        Optional<Double> read(SnapshotProfile profile, MetricKey key) {
            return key.split() == null ? Optional.of((double) profile.rows())
                    : profile.split(key.split()).map(s -> (double) s.rows());
        }
    },
    /** Missing values of the column over its values. */
    MISSING_RATIO(Needs.COLUMN) {
        @Override
        Optional<Double> read(SnapshotProfile profile, MetricKey key) {
            return column(profile, key).map(ColumnProfile::missingRatio);
        }
    },
    /** Distinct values of the column (estimated beyond the exact-values limit). */
    DISTINCT(Needs.COLUMN) {
        @Override
        Optional<Double> read(SnapshotProfile profile, MetricKey key) {
            return column(profile, key).map(c -> (double) c.distinct());
        }

        @Override
        public Optional<ProfileRequest.EdaOnly> edaOnlyFigure() {
            return Optional.of(ProfileRequest.EdaOnly.DISTINCT_VALUES);
        }
    },
    MEAN(Needs.COLUMN) {
        @Override
        Optional<Double> read(SnapshotProfile profile, MetricKey key) {
            return column(profile, key).filter(c -> c.numeric() != null && c.numeric().count() > 0)
                    .map(c -> c.numeric().mean());
        }
    },
    /** The column's standard deviation, as the profile states it. */
    STDDEV(Needs.COLUMN) {
        @Override
        Optional<Double> read(SnapshotProfile profile, MetricKey key) {
            return column(profile, key).filter(c -> c.numeric() != null && c.numeric().count() > 0)
                    .map(c -> c.numeric().stdDev());
        }
    },
    /** The column's quantile at the rank given as {@code value} (0.5 = the median), exact where the split kept its values. */
    QUANTILE(Needs.COLUMN_AND_VALUE) {
        @Override
        Optional<Double> read(SnapshotProfile profile, MetricKey key) {
            double rank = Double.parseDouble(key.value());
            return column(profile, key).filter(c -> c.numeric() != null && c.numeric().count() > 0)
                    .map(c -> c.numeric().quantileExactWhereKept(rank));
        }
    },
    /** The share of the column's present values equal to the category given as {@code value}. */
    CATEGORY_SHARE(Needs.COLUMN_AND_VALUE) {
        @Override
        Optional<Double> read(SnapshotProfile profile, MetricKey key) {
            return column(profile, key).filter(c -> c.categorical() != null && c.categorical().total() > 0)
                    .map(c -> (double) c.categorical().count(key.value()) / c.categorical().total());
        }
    },
    /** The share of rows carrying the tag given as {@code value}, in the split's multi-label tags column. */
    TAG_SHARE(Needs.VALUE) {
        @Override
        Optional<Double> read(SnapshotProfile profile, MetricKey key) {
            return tags(profile, key).filter(t -> t.rows() > 0).map(t -> (double) t.count(key.value()) / t.rows());
        }
    },
    /** Rows that repeat an earlier row of the snapshot, over all rows (the whole snapshot, every split). */
    DUPLICATE_SHARE(Needs.NOTHING) {
        @Override
        Optional<Double> read(SnapshotProfile profile, MetricKey key) {
            return Optional.of(profile.duplicates().duplicateShare());
        }

        @Override
        public Optional<ProfileRequest.EdaOnly> edaOnlyFigure() {
            return Optional.of(ProfileRequest.EdaOnly.DUPLICATE_ROWS);
        }

        @Override
        public boolean perSplit() {
            return false;
        }
    },
    /** Tag occurrences outside the declared vocabulary over all tag occurrences; empty without a vocabulary. */
    UNSEEN_TAG_RATIO(Needs.NOTHING) {
        @Override
        Optional<Double> read(SnapshotProfile profile, MetricKey key) {
            return tags(profile, key).filter(TagSummary::hasVocabulary).flatMap(t -> {
                long all = t.frequencies().stream().mapToLong(ValueCount::count).sum();
                long unseen = t.outOfVocabulary().stream().mapToLong(ValueCount::count).sum();
                return all == 0 ? Optional.empty() : Optional.of((double) unseen / all);
            });
        }
    },
    /**
     * How far the column moved from the snapshot before: KS D for numbers, total variation distance for categories
     * ({@link ProfileDistance}). A figure of two profiles: see {@link #between}.
     */
    DRIFT_DISTANCE(Needs.COLUMN) {
        @Override
        Optional<Double> read(SnapshotProfile profile, MetricKey key) {
            return Optional.empty();
        }

        @Override
        public Optional<Double> between(SnapshotProfile before, SnapshotProfile after, MetricKey key) {
            Optional<ColumnProfile> first = column(before, key);
            Optional<ColumnProfile> second = column(after, key);
            return first.isEmpty() || second.isEmpty() ? Optional.empty()
                    : ProfileDistance.between(first.get(), second.get()).filter(Double::isFinite);
        }

        @Override
        public boolean pairwise() {
            return true;
        }
    };

    private final Needs needs;

    ProfileMetric(Needs needs) {
        this.needs = needs;
    }

    /** The figure of {@code key} in {@code profile}, or empty when the profile has none. */
    public Optional<Double> of(SnapshotProfile profile, MetricKey key) {
        Optional<Double> figure = read(profile, key);
        return figure.filter(Double::isFinite);
    }

    abstract Optional<Double> read(SnapshotProfile profile, MetricKey key);

    /** What this figure reads that a run may leave out of its profile ({@link ProfileRequest.EdaOnly}), if anything. */
    public Optional<ProfileRequest.EdaOnly> edaOnlyFigure() {
        return Optional.empty();
    }

    /** True for a figure of a profile and the one before it ({@link #between}), not of one profile. */
    public boolean pairwise() {
        return false;
    }

    /** The figure of {@code key} between a profile and the one before it; empty unless {@link #pairwise()}. */
    public Optional<Double> between(SnapshotProfile before, SnapshotProfile after, MetricKey key) {
        return Optional.empty();
    }

    /** False for the figures of the whole snapshot (they are followed once, not per split). */
    public boolean perSplit() {
        return true;
    }

    public boolean needsColumn() {
        return needs == Needs.COLUMN || needs == Needs.COLUMN_AND_VALUE;
    }

    public boolean needsValue() {
        return needs == Needs.VALUE || needs == Needs.COLUMN_AND_VALUE;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The metric written as {@code id}; throws naming the ids there are. */
    public static ProfileMetric of(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("expected one of " + Arrays.stream(values()).map(ProfileMetric::id).toList()
                        + " but found '" + id + "'"));
    }

    private static Optional<SplitProfile> split(SnapshotProfile profile, MetricKey key) {
        return key.split() == null ? profile.splits().values().stream().findFirst() : profile.split(key.split());
    }

    private static Optional<ColumnProfile> column(SnapshotProfile profile, MetricKey key) {
        return split(profile, key).flatMap(s -> s.column(key.column()));
    }

    private static Optional<TagSummary> tags(SnapshotProfile profile, MetricKey key) {
        return split(profile, key).flatMap(SplitProfile::tags);
    }

    private enum Needs { NOTHING, COLUMN, VALUE, COLUMN_AND_VALUE }
}
