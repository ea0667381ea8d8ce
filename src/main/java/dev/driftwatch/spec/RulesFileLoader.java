package dev.driftwatch.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.driftwatch.engine.rule.Rule;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a rules file ({@code rules/<dataset>.yaml}) into a dataset definition and its rules. Every
 * mistake is reported as a {@link RulesFileException} with file, line and key. Thread-safe.
 */
public final class RulesFileLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final DataRoots roots;

    /** A loader for the command line: a rules file may point at data anywhere. */
    public RulesFileLoader() {
        this(DataRoots.anywhere());
    }

    /** A loader for the service: a rules file's {@code source:} and vocabulary file must be under the roots. */
    public RulesFileLoader(DataRoots roots) {
        this.roots = roots;
    }

    public RulesFile load(Path file) {
        String text = read(file);
        YamlLocator locator;
        try {
            locator = new YamlLocator(text);
        } catch (MarkedYAMLException e) {
            throw new RulesFileException(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, "",
                    "expected valid YAML but found: " + e.getProblem());
        }
        DatasetDocument document = parse(file, text, locator);
        if (document == null) {
            throw new RulesFileException(file, 1, "dataset", "expected a dataset declaration but the file is empty");
        }
        var definition = located(file, locator, "", () -> new DatasetDefinitions(file, roots).of(document, locator));
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Rule> presetRules = presets(file, locator, document.presets());
        List<RuleDocument> documents = document.rules() == null ? List.of() : document.rules();
        for (int i = 0; i < documents.size(); i++) {
            RuleDocument rule = documents.get(i);
            String key = "rules[" + i + "]";
            if (rule.name() == null || rule.name().isBlank()) {
                throw new RulesFileException(file, locator.lineOf(key), key + ".name", "expected a rule name but found none");
            }
            if (!names.add(rule.name())) {
                throw new RulesFileException(file, locator.lineOf(key + ".name"), key + ".name",
                        "expected a unique rule name but '" + rule.name() + "' is used twice");
            }
            rules.add(located(file, locator, key, rule::toRule));
        }
        List<Rule> all = new ArrayList<>();
        presetRules.stream().filter(rule -> !names.contains(rule.name())).forEach(all::add);
        all.addAll(rules);
        List<NamedColumn> named = NamedColumns.of(definition, tree(text), locator);
        requireDeclaredHeader(file, definition.readOptions().header(), named);
        Duration maxSnapshotAge = document.schedule() == null || document.schedule().maxSnapshotAge() == null ? null
                : located(file, locator, "schedule.max_snapshot_age", () -> positive(
                        DurationText.parse(document.schedule().maxSnapshotAge())));
        Duration maxRunTime = document.schedule() == null || document.schedule().maxRunTime() == null ? null
                : located(file, locator, "schedule.max_run_time", () -> positive(
                        DurationText.parse(document.schedule().maxRunTime())));
        return new RulesFile(file, definition, all, named, locator.lineOf("dataset"), maxSnapshotAge, maxRunTime);
    }

    private static Duration positive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("expected a positive duration but found " + duration);
        }
        return duration;
    }

    /** With a declared header, a rule key naming a column outside it is a mistake at load time (roles are checked earlier). */
    private static void requireDeclaredHeader(Path file, List<String> header, List<NamedColumn> named) {
        if (header == null) {
            return;
        }
        named.stream().filter(column -> !header.contains(column.column())).findFirst().ifPresent(column -> {
            throw new RulesFileException(file, column.line(), column.key(), HeaderNames.notInHeader(column.column()));
        });
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("expected the text parsed a moment ago to parse again: " + e.getOriginalMessage(), e);
        }
    }

    /** The rules of the named presets, in order; a later preset's rule replaces an earlier one of the same name. */
    private static List<Rule> presets(Path file, YamlLocator locator, List<String> presets) {
        java.util.Map<String, Rule> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; presets != null && i < presets.size(); i++) {
            String name = presets.get(i);
            String key = "presets[" + i + "]";
            String text;
            try (var in = RulesFileLoader.class.getResourceAsStream("/presets/" + name + ".yaml")) {
                if (in == null || !name.matches("[a-z0-9-]+")) {
                    throw new RulesFileException(file, locator.lineOf(key), key,
                            "unknown preset '" + name + "'; expected one of [tabular, text-classification]");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RulesFileException(file, locator.lineOf(key), key, "could not read preset: " + e.getMessage());
            }
            Path preset = Path.of("preset:" + name);
            PresetDocument document;
            try {
                document = YAML.readValue(text, PresetDocument.class);
            } catch (JsonProcessingException e) {
                throw new RulesFileException(preset, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "",
                        "expected a valid preset but found: " + e.getOriginalMessage());
            }
            YamlLocator presetLocator = new YamlLocator(text);
            for (int r = 0; r < document.rules().size(); r++) {
                RuleDocument rule = document.rules().get(r);
                byName.put(rule.name(), located(preset, presetLocator, "rules[" + r + "]", rule::toRule));
            }
        }
        return List.copyOf(byName.values());
    }

    /** A preset file: a list of rules only. */
    record PresetDocument(List<RuleDocument> rules) {
    }

    private static String read(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new RulesFileException(file, 0, "", "expected a rules file but there is no such file");
        } catch (CharacterCodingException e) {
            throw new RulesFileException(file, 0, "", "expected UTF-8 text but found an invalid byte sequence");
        } catch (IOException e) {
            throw new RulesFileException(file, 0, "", "could not read the file: " + e.getMessage());
        }
    }

    private static DatasetDocument parse(Path file, String text, YamlLocator locator) {
        try {
            return YAML.readValue(text, DatasetDocument.class);
        } catch (JsonMappingException e) {
            String key = keyPath(e);
            // Jackson's location is where the parser stopped, which can be past the key's own line.
            int line = !key.isEmpty() ? locator.lineOf(key) : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RulesFileException(file, line, key, describe(e));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RulesFileException(file, line, "", "expected valid YAML but found: " + e.getOriginalMessage());
        }
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key '" + unknown.getPropertyName() + "'; expected one of "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        }
        if (e instanceof InvalidTypeIdException type) {
            return type.getTypeId() == null
                    ? "expected a 'kind' for this rule but found none"
                    : "unknown rule kind '" + type.getTypeId() + "'";
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (for ");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    private static String keyPath(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                key.append(key.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                key.append('[').append(step.getIndex()).append(']');
            }
        }
        if (e instanceof InvalidTypeIdException) {
            key.append(".kind");
        }
        return key.toString();
    }

    /**
     * Runs a conversion; an IllegalArgumentException whose message starts with "key: " is reported at
     * that key below {@code base}, any other at a key of {@code base} the message names, else at {@code base}.
     */
    static <T> T located(Path file, YamlLocator locator, String base, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            String key = base;
            int colon = message.indexOf(": ");
            if (colon > 0 && message.substring(0, colon).matches("[a-z_][a-z0-9_.\\[\\]]*")) {
                key = join(base, message.substring(0, colon));
                message = message.substring(colon + 2);
            } else {
                for (String candidate : locator.keysAt(base)) {
                    if (message.contains(candidate)) {
                        key = join(base, candidate);
                        break;
                    }
                }
            }
            throw new RulesFileException(file, locator.lineOf(key), key, message);
        }
    }

    private static String join(String base, String key) {
        return base.isEmpty() ? key : base + "." + key;
    }
}
