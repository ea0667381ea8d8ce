package dev.driftwatch.engine.suggest;

import java.util.List;
import java.util.Objects;

/**
 * One suggested rule, as it will be written: its keys in order, each value already in YAML, and the comments
 * that say which figures the values came from.
 *
 * @param name     unique in the suggestion
 * @param kind     the rule kind ({@code missing_values}, ...)
 * @param severity {@code error} or {@code warn}
 * @param comment  the sentence written above the rule
 * @param params   the rule's other keys, in order
 */
public record RuleDraft(String name, String kind, String severity, String comment, List<Param> params) {
    public RuleDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        params = List.copyOf(params);
    }

    /**
     * @param key     the rules-file key
     * @param yaml    its value, written as YAML
     * @param comment the figure the value came from, or null
     */
    public record Param(String key, String yaml, String comment) {
    }
}
