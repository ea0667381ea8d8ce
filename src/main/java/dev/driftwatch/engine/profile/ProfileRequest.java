package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import dev.driftwatch.engine.vocabulary.TagVocabulary;
import java.util.Set;

/**
 * What a profile must measure beyond the defaults: the column roles of the dataset, the extra missing
 * tokens that rules declare, and how many exact values a declared numeric column keeps per split. Built once
 * per run; immutable.
 */
public final class ProfileRequest {
    private final ColumnRoles roles;
    private final Map<String, Set<String>> missingTokens;
    private final TagVocabulary vocabulary;
    private final long exactValuesLimit;

    private ProfileRequest(ColumnRoles roles, Map<String, Set<String>> missingTokens, TagVocabulary vocabulary,
                           long exactValuesLimit) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.missingTokens = Map.copyOf(missingTokens);
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

    /** Values (besides null, empty and blank) that count as missing in a column. */
    public Set<String> missingTokensOf(String column) {
        Set<String> tokens = new HashSet<>(roles.missingTokensOf(column));
        tokens.addAll(missingTokens.getOrDefault(column, Set.of()));
        tokens.addAll(missingTokens.getOrDefault(ColumnRoles.EVERY_COLUMN, Set.of()));
        return tokens;
    }

    /** Collects what the rules of a dataset need. Not thread-safe. */
    public static final class Builder {
        private final ColumnRoles roles;
        private final Map<String, Set<String>> missingTokens = new HashMap<>();
        private TagVocabulary vocabulary;
        private long exactValuesLimit = DatasetDefinition.DEFAULT_EXACT_VALUES_LIMIT;

        private Builder(ColumnRoles roles) {
            this.roles = roles;
        }

        /** Count these values as missing in a column ({@code "*"}: every column). */
        public Builder missingTokens(String column, List<String> tokens) {
            missingTokens.computeIfAbsent(column, c -> new HashSet<>()).addAll(tokens);
            return this;
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
            Map<String, Set<String>> frozen = new HashMap<>();
            missingTokens.forEach((column, tokens) -> frozen.put(column, Set.copyOf(tokens)));
            return new ProfileRequest(roles, frozen, vocabulary, exactValuesLimit);
        }
    }
}
