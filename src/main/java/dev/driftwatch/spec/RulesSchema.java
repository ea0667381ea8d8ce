package dev.driftwatch.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The published JSON Schema of rules files ({@code schema/driftwatch-rules.schema.json} on the class
 * path, {@code src/main/resources/schema/} in the repository), and a check of a file against it with
 * file, line and key for each violation. Thread-safe.
 */
public final class RulesSchema {
    /** Where the schema lives on the class path. */
    public static final String RESOURCE = "/schema/driftwatch-rules.schema.json";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Schema schema;

    public RulesSchema() {
        try (InputStream in = RulesSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("expected " + RESOURCE + " on the class path but found none");
            }
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of a rules file's text, in document order; empty when it conforms. Unparseable YAML is left to the loader. */
    public List<RulesFileException> check(Path file, String text) {
        JsonNode node;
        YamlLocator locator;
        try {
            node = YAML.readTree(text);
            locator = new YamlLocator(text);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        if (node == null) {
            return List.of();
        }
        List<RulesFileException> problems = new ArrayList<>();
        for (Error error : schema.validate(node)) {
            if (error.getKeyword() != null && (error.getKeyword().equals("allOf") || error.getKeyword().equals("if"))) {
                continue;
            }
            String key = key(error.getInstanceLocation().toString());
            if (error.getProperty() != null && "additionalProperties".equals(error.getKeyword())) {
                key = key.isEmpty() ? error.getProperty() : key + "." + error.getProperty();
            }
            String message = error.getMessage();
            int colon = message.indexOf(": ");
            String problem = "schema: " + (colon > 0 && message.startsWith("$") ? message.substring(colon + 2) : message);
            problems.add(new RulesFileException(file, locator.lineOf(key), key, problem));
        }
        return problems;
    }

    /** "/rules/1/max_ratio" (JSON Pointer) or "$.rules[1].max_ratio" to "rules[1].max_ratio". */
    static String key(String location) {
        if (!location.startsWith("/")) {
            String key = location.startsWith("$") ? location.substring(1) : location;
            return key.startsWith(".") ? key.substring(1) : key;
        }
        StringBuilder key = new StringBuilder();
        for (String step : location.substring(1).split("/")) {
            if (step.matches("\\d+")) {
                key.append('[').append(step).append(']');
            } else if (!step.isEmpty()) {
                key.append(key.length() == 0 ? "" : ".").append(step.replace("~1", "/").replace("~0", "~"));
            }
        }
        return key.toString();
    }
}
