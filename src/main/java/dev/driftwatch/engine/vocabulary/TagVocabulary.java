package dev.driftwatch.engine.vocabulary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A declared vocabulary of tags (the {@code tags.json} shape): each tag with its aliases and parents.
 * Immutable and thread-safe.
 */
public final class TagVocabulary {
    /** One tag of the vocabulary. */
    public record Tag(String name, List<String> aliases, List<String> parents) {
        public Tag {
            aliases = List.copyOf(aliases);
            parents = List.copyOf(parents);
        }
    }

    private final Map<String, Tag> tags;
    private final Map<String, String> canonicalByName = new HashMap<>();

    public TagVocabulary(List<Tag> tags) {
        Map<String, Tag> byName = new java.util.LinkedHashMap<>();
        tags.forEach(tag -> byName.put(tag.name(), tag));
        this.tags = java.util.Collections.unmodifiableMap(byName);
        tags.forEach(tag -> tag.aliases().forEach(alias -> canonicalByName.putIfAbsent(alias, tag.name())));
        tags.forEach(tag -> canonicalByName.put(tag.name(), tag.name()));
    }

    /** The tags by name, in file order. */
    public Map<String, Tag> tags() {
        return tags;
    }

    /** The vocabulary tag a label stands for (itself, or the tag it is an alias of); empty when unknown. */
    public Optional<String> resolve(String label) {
        return Optional.ofNullable(canonicalByName.get(label));
    }

    /** True when the label is an alias rather than a tag name. */
    public boolean isAlias(String label) {
        String canonical = canonicalByName.get(label);
        return canonical != null && !canonical.equals(label);
    }

    /** Parents named by some tag that are not tags themselves: a vocabulary defect worth reporting. */
    public Set<String> danglingParents() {
        Set<String> dangling = new TreeSet<>();
        tags.values().forEach(tag -> tag.parents().stream().filter(p -> !tags.containsKey(p)).forEach(dangling::add));
        return dangling;
    }
}
