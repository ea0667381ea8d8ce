package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.vocabulary.TagVocabulary;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a profile measures: the column roles of the dataset (with its {@code missing_tokens}), the declared
 * tag vocabulary, and how many exact values a declared numeric column keeps per split. Nothing a single rule
 * declares reaches it, so a stored profile is the same whichever rules exist: a rule with parameters of its own
 * (a {@code missing_values} rule's {@code tokens}) counts them in its own row check. A run whose profile nobody sees
 * (a gate that writes no profile nor report) may leave out what only the EDA shows ({@link EdaOnly}), unless a rule
 * reads it ({@link Builder#need}); such a profile says so where a left-out figure is asked for, it never reads as 0.
 * Built once per run; immutable.
 */
public final class ProfileRequest {
    private final ColumnRoles roles;
    private final TagVocabulary vocabulary;
    private final long exactValuesLimit;
    private final Set<EdaOnly> leftOut;

    /** Figures of a profile that only its readers (reports, stored profiles, the service's metrics) use. */
    public enum EdaOnly {
        /** Each column's distinct values (a set of hashes, then HyperLogLog). */
        DISTINCT_VALUES,
        /** The snapshot's duplicate rows (a fingerprint of every row, sorted once the pass ends). */
        DUPLICATE_ROWS,
        /** The words of the inputs in the rows of each frequent tag: the distinctive words of a tag. */
        TAG_WORDS
    }

    private ProfileRequest(ColumnRoles roles, TagVocabulary vocabulary, long exactValuesLimit, Set<EdaOnly> leftOut) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.vocabulary = vocabulary;
        this.exactValuesLimit = exactValuesLimit;
        this.leftOut = Set.copyOf(leftOut);
    }

    /** False when this run leaves the figure out. */
    public boolean measures(EdaOnly figure) {
        return !leftOut.contains(figure);
    }

    /** The most exact values a declared numeric column keeps per split ({@code exact_values_limit}). */
    public long exactValuesLimit() {
        return exactValuesLimit;
    }

    /** The declared vocabulary of the tags or label column for this snapshot, when there is a readable one. */
    public Optional<TagVocabulary> vocabulary() {
        return Optional.ofNullable(vocabulary);
    }

    public static Builder builder(ColumnRoles roles) {
        return new Builder(roles);
    }

    public ColumnRoles roles() {
        return roles;
    }

    /** Values (besides null, empty and blank) that count as missing in a column: the dataset's {@code missing_tokens}. */
    public MissingTokens missingTokensOf(String column) {
        return MissingTokens.of(roles, column);
    }

    /** Collects what a run needs profiled. Not thread-safe. */
    public static final class Builder {
        private final ColumnRoles roles;
        private TagVocabulary vocabulary;
        private long exactValuesLimit = DatasetDefinition.DEFAULT_EXACT_VALUES_LIMIT;
        private final Set<EdaOnly> leftOut = EnumSet.noneOf(EdaOnly.class);
        private final Set<EdaOnly> needed = EnumSet.noneOf(EdaOnly.class);

        private Builder(ColumnRoles roles) {
            this.roles = roles;
        }

        public Builder vocabulary(TagVocabulary tagVocabulary) {
            this.vocabulary = tagVocabulary;
            return this;
        }

        /** Keep at most this many exact values of each declared numeric column per split (0: none). */
        public Builder exactValuesLimit(long limit) {
            DatasetDefinition.requireExactValuesLimit(limit);
            this.exactValuesLimit = limit;
            return this;
        }

        /** Leaves these figures out, but for those a rule needs: for a run whose profile nobody sees. */
        public Builder leaveOut(Set<EdaOnly> figures) {
            leftOut.addAll(figures);
            return this;
        }

        /** Measures the figure even where it would be left out: a rule reads it. */
        public Builder need(EdaOnly figure) {
            needed.add(figure);
            return this;
        }

        public ProfileRequest build() {
            Set<EdaOnly> out = EnumSet.noneOf(EdaOnly.class);
            out.addAll(leftOut);
            out.removeAll(needed);
            return new ProfileRequest(roles, vocabulary, exactValuesLimit, out);
        }
    }
}
