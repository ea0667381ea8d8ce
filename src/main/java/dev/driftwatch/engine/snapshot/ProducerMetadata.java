package dev.driftwatch.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Optional metadata a producer leaves beside a snapshot: {@code provenance.json} inside a snapshot
 * folder, or {@code <file>.provenance.json} beside a snapshot file; a flat JSON object of strings.
 */
public final class ProducerMetadata {
    public static final String FILE_NAME = "provenance.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProducerMetadata() {
    }

    /** Where the metadata of the snapshot at this folder or file would be. */
    static Path fileNear(Path location) {
        return Files.isDirectory(location)
                ? location.resolve(FILE_NAME)
                : location.resolveSibling(location.getFileName() + "." + FILE_NAME);
    }

    /** The metadata in this file; empty when there is none. */
    static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            values.put("error", "unreadable provenance.json: " + e.getMessage());
        }
        return values;
    }
}
