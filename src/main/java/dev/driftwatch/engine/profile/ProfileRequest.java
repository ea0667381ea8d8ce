package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.vocabulary.TagVocabulary;
import java.util.Objects;
import java.util.Optional;

/**
 * What a profile measures: the column roles of the dataset (with its {@code missing_tokens}) and the declared
 * tag vocabulary. Nothing a single rule declares reaches it, so a stored profile is the same whichever rules
 * exist: a rule with parameters of its own (a {@code missing_values} rule's {@code tokens}) counts them in its
 * own row check. Built once per run; immutable.
 */
public final class ProfileRequest {
    private final ColumnRoles roles;
    private final TagVocabulary vocabulary;

    private ProfileRequest(ColumnRoles roles, TagVocabulary vocabulary) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.vocabulary = vocabulary;
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

        private Builder(ColumnRoles roles) {
            this.roles = roles;
        }

        public Builder vocabulary(TagVocabulary tagVocabulary) {
            this.vocabulary = tagVocabulary;
            return this;
        }

        public ProfileRequest build() {
            return new ProfileRequest(roles, vocabulary);
        }
    }
}
