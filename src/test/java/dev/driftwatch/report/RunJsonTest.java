package dev.driftwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.engine.run.RunReport;
import java.time.Instant;
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
    void aPassingRunSaysSoAndKeepsNullsForAbsentFields() throws Exception {
        JsonNode json = MAPPER.readTree(new RunJson().write(ExampleRuns.run("src/test/resources/report/pima.yaml",
                "src/examples/pima/snapshots/pima-01.csv", null)));

        assertThat(json.get("blocksGate").asBoolean()).isFalse();
        assertThat(json.get("reference").isNull()).isTrue();
        assertThat(json.at("/profile/splits/all/columns/Glucose/numeric/min").isNumber()).isTrue();
    }
}
