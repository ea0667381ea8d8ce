package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

class CheckCommandTest {
    private static final String PIMA_01 = "src/examples/pima/snapshots/pima-01.csv";
    private static final String PIMA_03 = "src/examples/pima/snapshots/pima-03.csv";
    private static final String MWML_S15 = "src/examples/madewithml/snapshots/s15_2022-05-02_Made-With-ML_578e612";
    private static final String MWML_S16 = "src/examples/madewithml/snapshots/s16_2022-05-03_Made-With-ML_5c59a97";

    @TempDir
    Path dir;

    @Test
    void passingEveryErrorSeverityRuleExitsZeroEvenWithWarnings() {
        CommandRun run = CommandRun.of("check", "--rules", "src/test/resources/report/pima.yaml", "--snapshot", PIMA_03);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("WARN  warn  lab-values-measured: Insulin: 374 of 768 (48.7%)")
                .endsWith("PASSED: every error-severity rule passed.\n");
    }

    @Test
    void theSummarySaysWhatTheReferenceTheSnapshotAndTheSlowestRuleTook() {
        CommandRun run = CommandRun.of("check", "--rules", "src/test/resources/report/pima.yaml", "--snapshot", PIMA_03,
                "--reference", PIMA_01);

        // pima.yaml declares two rules, vitals-measured and lab-values-measured
        assertThat(run.out()).containsPattern("(?m)^Took \\d+\\.\\d{3} s \\(reference \\d+\\.\\d{3} s, snapshot \\d+\\.\\d{3} s, "
                + "rules \\d+\\.\\d{3} s\\); slowest rule (vitals-measured|lab-values-measured) \\d+\\.\\d{3} s$");
    }

    @Test
    void aFailingErrorSeverityRuleExitsOne() {
        CommandRun run = CommandRun.of("check", "--rules", "src/test/resources/report/madewithml.yaml", "--snapshot", MWML_S16);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  error text-present: text: 34 of 999 (3.4%)")
                .contains("BLOCKED: 1 error-severity result(s) did not pass.");
    }

    @Test
    void aMissingSnapshotExitsTwo() {
        CommandRun run = CommandRun.of("check", "--rules", "src/test/resources/report/pima.yaml", "--snapshot", dir.resolve("absent.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: bad snapshot: expected a snapshot at " + dir.resolve("absent.csv")
                + " but found nothing there\n");
    }

    @Test
    void aBrokenRulesFileExitsTwoWithFileLineAndKey() throws Exception {
        Path rules = dir.resolve("broken.yaml");
        Files.writeString(rules, Files.readString(Path.of("src/test/resources/report/pima.yaml"))
                .replace("max_ratio: 0.05", "max_ratio: lots")
                .replace("source: ../../../examples", "source: " + Path.of("src/examples").toAbsolutePath()));

        CommandRun run = CommandRun.of("check", "--rules", rules.toString(), "--snapshot", PIMA_01);

        assertThat(run.exitCode()).isEqualTo(2);
        // grep -n 'max_ratio: 0.05' src/test/resources/report/pima.yaml -> 22
        assertThat(run.err()).startsWith("driftwatch: bad rules file: " + rules + ":22: rules[0].max_ratio: ");
    }

    @Test
    void moreUnreadableRowsThanAllowedExitsTwo() throws Exception {
        Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
        // 2 of 4 rows carry a byte that is not UTF-8: 50%, far above the default allowed 1%.
        byte[] good = "Glucose,BloodPressure,BMI,SkinThickness,Insulin\n1,2,3,4,5\n1,2,3,4,5\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'1', ',', (byte) 0xC3, (byte) 0x28, ',', '3', ',', '4', ',', '5', '\n'};
        Path csv = snapshots.resolve("s1.csv");
        Files.write(csv, good);
        Files.write(csv, bad, java.nio.file.StandardOpenOption.APPEND);
        Files.write(csv, bad, java.nio.file.StandardOpenOption.APPEND);
        Path rules = dir.resolve("tiny.yaml");
        Files.writeString(rules, """
                dataset: tiny
                source: snapshots
                layout: file_per_snapshot
                files: "*.csv"
                rules:
                  - name: measured
                    kind: missing_values
                    columns: [Glucose]
                    max_ratio: 0
                """);

        CommandRun run = CommandRun.of("check", "--rules", rules.toString(), "--snapshot", csv.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("driftwatch: bad snapshot: 2 of 4 rows of snapshot s1.csv could not be read")
                .contains("s1.csv:4: expected UTF-8 text but found an invalid byte sequence");
    }

    @Test
    void unknownOptionsExitTwo() {
        assertThat(CommandRun.of("check", "--rules", "src/test/resources/report/pima.yaml", "--snapshot", PIMA_01, "--colour").exitCode()).isEqualTo(2);
    }

    @Test
    void everyReportFormatIsWrittenOnRequest() throws Exception {
        Path out = dir.resolve("reports");
        CommandRun run = CommandRun.of("check", "--rules", "src/test/resources/report/madewithml.yaml", "--snapshot", MWML_S16,
                "--reference", MWML_S15, "--junit", out.resolve("junit.xml").toString(), "--json", out.resolve("run.json").toString(),
                "--markdown", out.resolve("summary.md").toString(), "--html", out.resolve("report.html").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Wrote " + out.resolve("junit.xml"), "Wrote " + out.resolve("report.html"));

        String xml = Files.readString(out.resolve("junit.xml"));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(getClass().getResource("/junit/junit.xsd"))
                .newValidator().validate(new StreamSource(new StringReader(xml)));
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(1);

        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(json.get("blocksGate").asBoolean()).isTrue();
        assertThat(json.get("reference").asText()).isEqualTo("s15_2022-05-02_Made-With-ML_578e612");
        assertThat(json.get("results")).hasSize(4);

        assertThat(Files.readString(out.resolve("summary.md"))).startsWith("### Driftwatch: ❌ blocked · `madewithml`");

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg class=\"chart\"").contains("text-present");
    }

    @Test
    void theJsonReportCarriesTheSha256OfTheBytesTheCheckRead() throws Exception {
        Path out = dir.resolve("run.json");
        CommandRun run = CommandRun.of("check", "--rules", "src/test/resources/report/pima.yaml", "--snapshot", PIMA_03,
                "--json", out.toString());

        assertThat(run.exitCode()).isZero();
        JsonNode snapshot = new ObjectMapper().readTree(out.toFile()).get("snapshot");
        Process sha256sum = new ProcessBuilder("sha256sum", PIMA_03).start();
        String expected = new String(sha256sum.getInputStream().readAllBytes(), StandardCharsets.UTF_8).substring(0, 64);
        assertThat(sha256sum.waitFor()).isZero();
        assertThat(snapshot.get("fingerprint").asText()).isEqualTo(expected);
        assertThat(snapshot.at("/provenance/sha256").asText()).isEqualTo(expected);
        assertThat(snapshot.at("/files/0/sha256").asText()).isEqualTo(expected);
        assertThat(snapshot.at("/provenance/bytes").asLong()).isEqualTo(Files.size(Path.of(PIMA_03)));
    }

    @Test
    void aFileNamedAsStillBeingWrittenIsBadInput() throws Exception {
        Path part = Files.copy(Path.of(PIMA_01), dir.resolve("pima-04.csv.part"));

        CommandRun run = CommandRun.of("check", "--rules", "src/test/resources/report/pima.yaml", "--snapshot", part.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: bad snapshot: expected a complete snapshot but found "
                + part.toAbsolutePath() + ", a name writers give to files in progress (*.tmp, *.part, .*, _temporary/, "
                + "the ready marker)\n");
    }

    @Test
    void aCorruptProfileAsReferenceExitsTwo() throws Exception {
        Path profile = dir.resolve("bad.profile");
        Files.write(profile, new byte[] {0x44, 0x57, 0x50, 0x46, 0, 0, 0, 1, 9});

        CommandRun run = CommandRun.of("check", "--rules", "src/test/resources/report/pima.yaml", "--snapshot", PIMA_03, "--reference", profile.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("driftwatch: bad snapshot: expected a stored profile in " + profile + " but found: ");
    }
}
