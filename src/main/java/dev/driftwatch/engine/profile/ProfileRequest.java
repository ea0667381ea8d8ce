package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.vocabulary.TagVocabulary;
import java.util.Objects;
import java.util.Optional;

/**
 * What a profile measures: the column roles of the dataset (with its {@code missing_tokens}), the declared
 * tag vocabulary, and how many exact values a declared numeric column keeps per split. Nothing a single rule
 * declares reaches it, so a stored profile is the same whichever rules exist: a rule with parameters of its own
 * (a {@code missing_values} rule's {@code tokens}) counts them in its own row check. Built once per run; immutable.
 */
public final class ProfileRequest {
    private final ColumnRoles roles;
    private final TagVocabulary vocabulary;
    private final long exactValuesLimit;

    private ProfileRequest(ColumnRoles roles, TagVocabulary vocabulary, long exactValuesLimit) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.vocabulary = vocabulary;
        this.exactValuesLimit = exactValuesLimit;
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

        public ProfileRequest build() {
            return new ProfileRequest(roles, vocabulary, exactValuesLimit);
        }
    }
}
