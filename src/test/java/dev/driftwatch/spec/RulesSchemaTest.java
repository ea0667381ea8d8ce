package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published JSON Schema, the presets, and the exact file:line: key: problem messages. */
class RulesSchemaTest {
    @TempDir
    Path dir;

    @Test
    void everyShippedRulesFileConformsToTheSchemaAndLoads() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("rules", "src/test/resources/madewithml-real", "src/test/resources/pima-real",
                "src/test/resources/adult-real", "src/test/resources/titanic-real")) {
            try (Stream<Path> listed = Files.list(Path.of(folder))) {
                listed.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(11);
        for (Path file : files) {
            assertThat(new RulesSchema().check(file, Files.readString(file))).as(file.toString()).isEmpty();
            assertThat(new RulesFileLoader().load(file).rules()).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void schemaViolationsNameFileLineAndKey() throws IOException {
        Path file = RulesFiles.write(dir, """
                dataset: bad
                source: x
                rules:
                  - name: a
                    kind: missing_values
                    columns: [x]
                    max_ratio: 2
                  - name: b
                    kind: duplicate_rows
                    colums: [x]
                """);
        assertThat(new RulesSchema().check(file, Files.readString(file))).extracting(Throwable::getMessage).containsExactly(
                file + ":7: rules[0].max_ratio: schema: must have a maximum value of 1",
                file + ":10: rules[1].colums: schema: property 'colums' is not defined in the schema and the schema does not allow additional properties");
    }

    @Test
    void theSchemaKnowsEveryKeyOfEveryRuleKind() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(RulesSchema.class.getResourceAsStream(RulesSchema.RESOURCE));
        JsonSubTypes.Type[] kinds = RuleDocument.class.getAnnotation(JsonSubTypes.class).value();
        assertThat(kinds).hasSize(17);
        var naming = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
        for (JsonSubTypes.Type kind : kinds) {
            JsonNode properties = schema.at("/$defs/rule_" + kind.name() + "/properties");
            List<String> keys = Arrays.stream(kind.value().getRecordComponents())
                    .map(c -> c.getName().equals("caseFold") ? "case" : naming.translate(c.getName())).toList();
            List<String> declared = new ArrayList<>();
            properties.fieldNames().forEachRemaining(declared::add);
            assertThat(declared).as(kind.name()).containsExactlyInAnyOrderElementsOf(
                    Stream.concat(Stream.of("kind"), keys.stream()).toList());
        }
    }

    @Test
    void aPresetAddsItsRulesAndARuleOfTheSameNameReplacesIt() throws IOException {
        Files.createDirectories(dir.resolve("snapshots"));
        Path file = RulesFiles.write(dir, """
                dataset: d
                source: snapshots
                presets: [tabular]
                rules:
                  - {name: outliers, kind: outliers, max_ratio: 0.2}
                """);
        RulesFile loaded = new RulesFileLoader().load(file);
        assertThat(loaded.rules()).extracting(r -> r.name()).containsExactly("missing-values", "conflicting-labels",
                "duplicate-rows", "types", "spellings", "label-balance", "new-categories", "target-leakage", "drift", "outliers");
        assertThat(loaded.rules().get(9)).hasFieldOrPropertyWithValue("rule.maxRatio", 0.2); // inside its max_evidence limit
    }

    @Test
    void anUnknownPresetIsReportedAtItsLine() throws IOException {
        Path file = RulesFiles.write(dir, "dataset: d\nsource: s\npresets:\n  - tabular\n  - images\n");
        assertThatThrownBy(() -> new RulesFileLoader().load(file)).isInstanceOf(RulesFileException.class)
                .hasMessage(file + ":5: presets[1]: unknown preset 'images'; expected one of [tabular, text-classification]");
    }

    @Test
    void aBadDriftMethodIsReportedAtItsKey() throws IOException {
        Path file = RulesFiles.write(dir, "dataset: d\nsource: s\nrules:\n  - name: a\n    kind: distribution_shift\n    method: t-test\n");
        assertThatThrownBy(() -> new RulesFileLoader().load(file)).isInstanceOf(RulesFileException.class)
                .hasMessage(file + ":6: rules[0].method: expected one of ks, wasserstein, psi, chi2, js but found t-test");
    }

    @Test
    void aRuleMissingARequiredBoundIsReportedAtTheRule() throws IOException {
        Path file = RulesFiles.write(dir, "dataset: d\nsource: s\nrules:\n  - name: a\n    kind: value_range\n    columns: [x]\n");
        assertThatThrownBy(() -> new RulesFileLoader().load(file)).isInstanceOf(RulesFileException.class)
                .hasMessage(file + ":4: rules[0]: expected min or max but found neither");
    }
}
