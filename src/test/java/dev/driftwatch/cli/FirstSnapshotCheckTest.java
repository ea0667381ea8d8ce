package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.testing.SharedDatasets;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code check} on the first snapshot of a real dataset (Pima, ../shared/datasets/pima-diabetes/diabetes.csv):
 * its comparisons have no reference yet, are skipped, and do not block the gate.
 */
class FirstSnapshotCheckTest {
    // awk -F, 'NR>1{n++; if($2==0)z++} END{print n, z}' diabetes.csv -> 768 5
    private static final String RULES = """
            dataset: pima
            source: %s
            layout: file_per_snapshot
            files: "diabetes.csv"
            columns:
              label: Outcome
              numeric: [Glucose, BMI, Age]
            rules:
              - {name: glucose-present, kind: missing_values, columns: [Glucose], tokens: ["0"], max_ratio: 0.05}
              - {name: drift, kind: distribution_shift}
              - {name: rows-stable, kind: row_count, max_change: 0.2}
              - {name: outcomes-known, kind: new_categories, columns: [Outcome]}
            """;

    @TempDir
    Path dir;

    @Test
    void aFirstSnapshotWithDriftRulesExitsZeroAndSaysWhatWasSkipped() throws Exception {
        Path pima = SharedDatasets.resolve("pima-diabetes/diabetes.csv");
        Path rules = rules(pima);
        Path out = dir.resolve("reports");

        CommandRun run = CommandRun.of("check", "--rules", rules.toString(), "--snapshot", pima.toString(),
                "--junit", out.resolve("junit.xml").toString(), "--json", out.resolve("run.json").toString(),
                "--markdown", out.resolve("summary.md").toString(), "--html", out.resolve("report.html").toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("PASS  error glucose-present: Glucose: 5 of 768 (0.7%) values missing in all (5 '0'); within the allowed 5.0%.\n")
                .contains("SKIPPED error drift: there is no reference snapshot yet to compare with.\n")
                .contains("SKIPPED error rows-stable: there is no reference snapshot yet to compare the row count with.\n")
                .contains("SKIPPED error outcomes-known: there is no reference snapshot yet to compare with.\n")
                .contains("PASSED: every error-severity rule passed. 3 result(s) skipped: nothing to compare with yet.\n");

        String xml = Files.readString(out.resolve("junit.xml"));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(getClass().getResource("/junit/junit.xsd"))
                .newValidator().validate(new StreamSource(new StringReader(xml)));
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) junit.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("skipped")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        NodeList skipped = junit.getElementsByTagName("skipped");
        assertThat(skipped.getLength()).isEqualTo(3);
        Element drift = (Element) skipped.item(0);
        assertThat(((Element) drift.getParentNode()).getAttribute("classname")).isEqualTo("driftwatch.pima.drift");
        assertThat(drift.getAttribute("message")).isEqualTo("there is no reference snapshot yet to compare with.");

        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(json.get("status").asText()).isEqualTo("pass");
        assertThat(json.get("blocksGate").asBoolean()).isFalse();
        assertThat(json.get("results")).extracting(r -> r.get("rule").asText() + ":" + r.get("status").asText())
                .containsExactly("glucose-present:pass", "drift:skipped", "rows-stable:skipped", "outcomes-known:skipped");

        assertThat(Files.readString(out.resolve("summary.md"))).startsWith("### Driftwatch: ✅ passed")
                .contains("1 pass, 0 warn, 0 fail, 0 error, 3 skipped (nothing to compare with yet).")
                .contains("| SKIPPED | drift (error) | snapshot | there is no reference snapshot yet to compare with. |");
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("<tr data-status=\"skipped\"><td><span class=\"badge skipped\">skipped</span>");
    }

    @Test
    void theSameRulesWithAReferenceCompareInsteadOfSkipping() throws Exception {
        Path pima = SharedDatasets.resolve("pima-diabetes/diabetes.csv");

        CommandRun run = CommandRun.of("check", "--rules", rules(pima).toString(), "--snapshot", pima.toString(),
                "--reference", pima.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("SKIPPED").contains("Compared with diabetes.csv")
                // the same 768 rows on both sides: no change (recount: awk NR>1 on diabetes.csv -> 768)
                .contains("PASS  error rows-stable: all has 768 rows, up 0.0% from 768 in the reference.\n")
                .endsWith("PASSED: every error-severity rule passed.\n");
    }

    private Path rules(Path pima) throws Exception {
        Path rules = dir.resolve("pima.yaml");
        Files.writeString(rules, RULES.formatted(pima.getParent()));
        return rules;
    }
}
