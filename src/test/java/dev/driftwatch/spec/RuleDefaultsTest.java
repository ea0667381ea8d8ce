package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's defaults hold in the schema and the loader: every kind takes max_evidence; missing_values checks every column. */
class RuleDefaultsTest {
    /** The least each kind needs, besides name and kind. */
    private static final Map<String, String> LEAST = new TreeMap<>(Map.ofEntries(
            Map.entry("missing_values", ""),
            Map.entry("duplicate_rows", ""),
            Map.entry("conflicting_labels", ""),
            Map.entry("split_leakage", ""),
            Map.entry("unseen_tags", ""),
            Map.entry("distribution_shift", ""),
            Map.entry("row_count", ", min: 1"),
            Map.entry("class_balance", ""),
            Map.entry("split_stratification", ""),
            Map.entry("inconsistent_values", ""),
            Map.entry("value_range", ", columns: [x], min: 0"),
            Map.entry("outliers", ""),
            Map.entry("type_consistency", ""),
            Map.entry("freshness", ", max_age: 1d"),
            Map.entry("target_leakage", ""),
            Map.entry("new_categories", ""),
            Map.entry("anomaly", ", metric: row_count, strategy: z_score")));

    @TempDir
    Path dir;

    @Test
    void theSchemaGivesEveryRuleKindMaxEvidence() throws IOException {
        JsonNode defs;
        try (InputStream in = RulesSchema.class.getResourceAsStream(RulesSchema.RESOURCE)) {
            defs = new ObjectMapper().readTree(in).get("$defs");
        }
        List<String> kinds = Arrays.stream(RuleDocument.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name).sorted().toList();
        assertThat(kinds).containsExactlyElementsOf(LEAST.keySet());
        for (String kind : kinds) {
            JsonNode maxEvidence = defs.path("rule_" + kind).path("properties").path("max_evidence");
            assertThat(maxEvidence.path("type").asText()).as(kind).isEqualTo("integer");
            assertThat(maxEvidence.path("minimum").asInt(-1)).as(kind).isZero();
        }
    }

    @Test
    void everyRuleKindLoadsWithMaxEvidenceAndMissingValuesNeedsNoColumns() throws IOException {
        StringBuilder yaml = new StringBuilder("dataset: all-kinds\nsource: data\nrules:\n");
        LEAST.forEach((kind, keys) -> yaml.append("  - {name: ").append(kind).append(", kind: ").append(kind)
                .append(", max_evidence: 1").append(keys).append("}\n"));
        Path file = RulesFiles.write(dir, yaml.toString());

        assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
        assertThat(new RulesFileLoader().load(file).rules()).hasSize(LEAST.size());
    }

    // classes counted by hand: a x3, b x2, c x1; largest over smallest = 3 > 1.5, so the rule fails with 3 classes
    @Test
    void maxEvidenceCutsTheEvidenceOfAKindThatHadNoSuchKey() {
        String data = "y\na\na\na\nb\nb\nc\n";
        RuleResult byDefault = only(RuleFixture.csv(dir.resolve("default"),
                "columns: {label: y}\nrules:\n  - {name: balance, kind: class_balance, max_imbalance_ratio: 1.5}\n")
                .snapshot("s1", Map.of("all.csv", data)).run("s1"), "balance");
        RuleResult cut = only(RuleFixture.csv(dir.resolve("cut"),
                "columns: {label: y}\nrules:\n  - {name: balance, kind: class_balance, max_imbalance_ratio: 1.5, max_evidence: 1}\n")
                .snapshot("s1", Map.of("all.csv", data)).run("s1"), "balance");

        assertThat(byDefault.status()).isEqualTo(Status.FAIL);
        assertThat(byDefault.evidence()).extracting(e -> e.values().get("class")).containsExactly("a", "b", "c");
        assertThat(cut.evidence()).extracting(e -> e.values().get("class")).containsExactly("a");
    }

    // by hand: id is never missing; x is empty on file lines 3 and 5 (2 of 4 rows); z on line 4 (1 of 4)
    @Test
    void missingValuesWithoutColumnsChecksEveryColumn() {
        RunReport run = RuleFixture.csv(dir, "rules:\n  - {name: present, kind: missing_values, max_evidence: 1}\n")
                .snapshot("s1", Map.of("all.csv", "id,x,z\n1,5,a\n2,,b\n3,7,\n4,,d\n")).run("s1");

        List<RuleResult> results = RuleFixture.of(run, "present");
        assertThat(results).extracting(RuleResult::column, RuleResult::observed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("id", 0.0),
                org.assertj.core.groups.Tuple.tuple("x", 0.5),
                org.assertj.core.groups.Tuple.tuple("z", 0.25));
        assertThat(results.get(1).evidence()).singleElement().extracting(e -> e.line()).isEqualTo(3L);
    }

    private static RuleResult only(RunReport run, String rule) {
        List<RuleResult> results = RuleFixture.of(run, rule);
        assertThat(results).hasSize(1);
        return results.get(0);
    }
}
