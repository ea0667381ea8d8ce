package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.dataset.VocabularyDeclaration;
import dev.driftwatch.engine.vocabulary.TagVocabulary;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a tag profile judges tags by, kept with the profile so a reloaded profile answers the same:
 * the minimum frequency cut, the excluded tags, and the vocabulary as a map from every known label
 * (tag names and aliases) to its tag (null: no vocabulary).
 */
record TagSettings(int minFrequency, Set<String> exclude, Map<String, String> canonical) {
    TagSettings {
        exclude = Set.copyOf(exclude);
        canonical = canonical == null ? null : Map.copyOf(canonical);
    }

    static TagSettings none() {
        return new TagSettings(0, Set.of(), null);
    }

    static TagSettings of(VocabularyDeclaration declaration, TagVocabulary vocabulary) {
        Map<String, String> canonical = null;
        if (vocabulary != null) {
            canonical = new HashMap<>();
            for (TagVocabulary.Tag tag : vocabulary.tags().values()) {
                for (String alias : tag.aliases()) {
                    canonical.putIfAbsent(alias, vocabulary.resolve(alias).orElse(tag.name()));
                }
                canonical.put(tag.name(), tag.name());
            }
        }
        return declaration == null ? new TagSettings(0, Set.of(), canonical)
                : new TagSettings(declaration.minFrequency(), declaration.exclude(), canonical);
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(minFrequency);
        out.writeInt(exclude.size());
        for (String tag : new TreeSet<>(exclude)) {
            Codec.writeString(out, tag);
        }
        out.writeBoolean(canonical != null);
        if (canonical != null) {
            out.writeInt(canonical.size());
            for (var e : new TreeMap<>(canonical).entrySet()) {
                Codec.writeString(out, e.getKey());
                Codec.writeString(out, e.getValue());
            }
        }
    }

    static TagSettings read(DataInput in) throws IOException {
        int minFrequency = in.readInt();
        Set<String> exclude = new TreeSet<>();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            exclude.add(Codec.readString(in));
        }
        Map<String, String> canonical = null;
        if (in.readBoolean()) {
            canonical = new HashMap<>();
            int entries = in.readInt();
            for (int i = 0; i < entries; i++) {
                canonical.put(Codec.readString(in), Codec.readString(in));
            }
        }
        return new TagSettings(minFrequency, exclude, canonical);
    }
}
