package dev.driftwatch.engine.vocabulary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a vocabulary file in either shape Made With ML used: an object {@code {tag: {aliases, parents}}}
 * or an array {@code [{tag, aliases, parents}]} ({@code parents} optional).
 */
public final class TagVocabularyReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @throws VocabularyException naming file, line and what is wrong */
    public TagVocabulary read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new VocabularyException(file + ":" + (at == null ? 0 : at.getLineNr())
                    + ": expected a valid JSON vocabulary but found: " + e.getOriginalMessage());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new VocabularyException(file + ": expected a vocabulary file but there is none");
        } catch (IOException e) {
            throw new VocabularyException(file + ": could not read the vocabulary: " + e.getMessage());
        }
        List<TagVocabulary.Tag> tags = new ArrayList<>();
        if (root != null && root.isObject()) {
            root.fields().forEachRemaining(e -> tags.add(tag(e.getKey(), e.getValue())));
        } else if (root != null && root.isArray()) {
            for (JsonNode entry : root) {
                if (!entry.hasNonNull("tag")) {
                    throw new VocabularyException(file + ": expected every entry to have a 'tag' but found " + entry);
                }
                tags.add(tag(entry.get("tag").asText(), entry));
            }
        } else {
            throw new VocabularyException(file + ": expected a JSON object or array of tags but found "
                    + (root == null ? "nothing" : root.getNodeType()));
        }
        return new TagVocabulary(tags);
    }

    private static TagVocabulary.Tag tag(String name, JsonNode node) {
        return new TagVocabulary.Tag(name, texts(node.get("aliases")), texts(node.get("parents")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> values.add(item.asText()));
        }
        return values;
    }

}
