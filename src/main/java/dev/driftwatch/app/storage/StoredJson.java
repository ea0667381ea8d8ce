package dev.driftwatch.app.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON text kept in the database (evidence rows, producer metadata, profile summaries). Plain
 * Jackson on the engine's records, so the engine needs no annotations. Thread-safe.
 */
public final class StoredJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StoredJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read stored JSON as " + type.getSimpleName(), e);
        }
    }

    public static <T> List<T> readList(String json, Class<T> element) {
        try {
            return MAPPER.readValue(json, MAPPER.getTypeFactory().constructCollectionType(List.class, element));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read stored JSON as a list of " + element.getSimpleName(), e);
        }
    }

    public static Map<String, String> readStrings(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("could not read stored JSON as an object of strings", e);
        }
    }
}
