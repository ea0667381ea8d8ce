package dev.driftwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.engine.run.RunReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theFullRunParsesBackWithVerdictResultsEvidenceAndProfile() throws Exception {
        RunReport run = ExampleRuns.madeWithMl();

        JsonNode json = MAPPER.readTree(new RunJson().write(run));

        assertThat(json.get("dataset").asText()).isEqualTo("madewithml");
        assertThat(json.at("/snapshot/id").asText()).isEqualTo("s16_2022-05-03_Made-With-ML_5c59a97");
        assertThat(json.at("/snapshot/provenance/sha256").asText()).isEqualTo(run.snapshot().fingerprint()).hasSize(64);
        assertThat(json.at("/snapshot/files/0/path").asText()).isEqualTo("projects.json");
        assertThat(json.get("reference").asText()).isEqualTo("s15_2022-05-02_Made-With-ML_578e612");
        assertThat(Instant.parse(json.get("startedAt").asText())).isEqualTo(run.startedAt());
        assertThat(json.get("status").asText()).isEqualTo("fail");
        assertThat(json.get("blocksGate").asBoolean()).isTrue();
        assertThat(json.get("results")).hasSize(run.results().size());
        JsonNode text = null;
        for (JsonNode result : json.get("results")) {
            if (result.get("rule").asText().equals("text-present")) {
                text = result;
            }
        }
        assertThat(text).isNotNull();
        assertThat(text.get("status").asText()).isEqualTo("fail");
        assertThat(text.get("severity").asText()).isEqualTo("error");
        assertThat(text.get("column").asText()).isEqualTo("text");
        assertThat(text.get("observed").asDouble()).isCloseTo(34.0 / 999, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(text.get("threshold").asDouble()).isZero();
        assertThat(text.at("/evidence/0/id").asText()).isEqualTo("239");
        assertThat(text.at("/evidence/0/line").asLong()).isEqualTo(808); // the record's opening brace: sed -n 808,809p projects.json shows "{" then "id": 239
        assertThat(text.at("/evidence/0/values").has("text")).isTrue();
        assertThat(json.at("/profile/splits/all/rows").asLong()).isEqualTo(999);
        assertThat(json.at("/profile/splits/all/columns/text/missing").asLong()).isEqualTo(34);
    }

    @Test
    void everyRuleCarriesItsWallAndCpuSecondsAndThePhasesTheirs() throws Exception {
        RunReport run = ExampleRuns.madeWithMl();

        JsonNode timings = MAPPER.readTree(new RunJson().write(run)).get("timings");

        // the two rules of src/test/resources/report/madewithml.yaml, in the order declared there
        List<String> rules = new ArrayList<>();
        timings.get("rules").forEach(rule -> rules.add(rule.get("rule").asText()));
        assertThat(rules).containsExactly("inputs-present", "text-present");
        for (JsonNode rule : timings.get("rules")) {
            assertThat(rule.get("kind").asText()).isEqualTo("missing_values");
            for (String field : List.of("wallSeconds", "cpuSeconds", "rowsWallSeconds", "rowsCpuSeconds",
                    "evaluateWallSeconds", "evaluateCpuSeconds")) {
                assertThat(rule.get(field).isNumber()).as(field).isTrue();
                assertThat(rule.get(field).asDouble()).as(field).isGreaterThanOrEqualTo(0);
            }
            assertThat(rule.get("wallSeconds").asDouble()).isCloseTo(rule.get("rowsWallSeconds").asDouble()
                    + rule.get("evaluateWallSeconds").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        }
        // ExampleRuns profiles the reference itself, unmetered: no reference phase
        List<String> phases = new ArrayList<>();
        double phaseWall = 0;
        for (JsonNode phase : timings.get("phases")) {
            phases.add(phase.get("phase").asText());
            phaseWall += phase.get("wallSeconds").asDouble();
        }
        assertThat(phases).containsExactly("snapshot", "rules");
        assertThat(phaseWall).isLessThanOrEqualTo(timings.get("wallSeconds").asDouble());
        assertThat(timings.get("wallSeconds").asDouble()).isEqualTo(run.timings().total().wallSeconds());
    }

    @Test
    void aRunWithoutMeasuredTimingsSaysNull() throws Exception {
        RunReport measured = ExampleRuns.pima();
        RunReport rebuilt = new RunReport(measured.dataset(), measured.snapshot(), measured.reference(),
                measured.startedAt(), measured.finishedAt(), measured.profile(), measured.results());

        assertThat(MAPPER.readTree(new RunJson().write(rebuilt)).get("timings").isNull()).isTrue();
    }

    @Test
    void aDriftResultCarriesItsStatisticPValuesAndDistanceByName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // SciPy: ks_2samp(arange(200), arange(200) + 30) -> D 0.15, p 0.0220923622208589 (one test: adjusted p the same)
        String train = "x\n" + java.util.stream.IntStream.range(0, 200).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining("\n"));
        String test = "x\n" + java.util.stream.IntStream.range(30, 230).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining("\n"));
        RunReport run = dev.driftwatch.engine.rule.RuleFixture.csv(dir, """
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                reference: {split: train}
                columns: {numeric: [x]}
                rules:
                  - {name: drift, kind: distribution_shift}
                  - {name: complete, kind: missing_values, columns: [x]}
                """).snapshot("s1", java.util.Map.of("train.csv", train, "test.csv", test)).run("s1");

        JsonNode json = MAPPER.readTree(new RunJson().write(run));

        JsonNode drift = null;
        for (JsonNode result : json.get("results")) {
            if (result.get("rule").asText().equals("drift")) {
                drift = result;
            } else {
                assertThat(result.get("measure").isNull()).as(result.toString()).isTrue();
            }
        }
        assertThat(drift).isNotNull();
        JsonNode measure = drift.get("measure");
        assertThat(measure.get("method").asText()).isEqualTo("ks");
        assertThat(measure.get("statistic").asDouble()).isEqualTo(0.15);
        assertThat(measure.get("distance").asDouble()).isEqualTo(0.15);
        assertThat(measure.get("pValue").asDouble()).isCloseTo(0.0220923622208589, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(measure.get("adjustedPValue").asDouble()).isCloseTo(0.0220923622208589, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(measure.get("exact").asBoolean()).isTrue();
        assertThat(measure.get("error").isNull()).isTrue();
        assertThat(drift.get("observed").asDouble()).isCloseTo(1 - 0.0220923622208589, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(drift.get("threshold").asDouble()).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aPassingRunSaysSoAndKeepsNullsForAbsentFields() throws Exception {
        JsonNode json = MAPPER.readTree(new RunJson().write(ExampleRuns.run("src/test/resources/report/pima.yaml",
                "src/examples/pima/snapshots/pima-01.csv", null)));

        assertThat(json.get("blocksGate").asBoolean()).isFalse();
        assertThat(json.get("reference").isNull()).isTrue();
        assertThat(json.at("/profile/splits/all/columns/Glucose/numeric/min").isNumber()).isTrue();
    }
}
