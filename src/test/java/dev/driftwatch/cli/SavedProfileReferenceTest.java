package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedProfileReferenceTest {
    private static final String PIMA_01 = "src/examples/pima/snapshots/pima-01.csv";
    private static final String PIMA_03 = "src/examples/pima/snapshots/pima-03.csv";

    @TempDir
    Path dir;

    @Test
    void aSavedProfileServesAsTheReferenceOfALaterCheck() throws Exception {
        Path profile = dir.resolve("profiles/pima-01.profile");
        CommandRun first = CommandRun.of("check", "--rules", "src/test/resources/report/pima.yaml", "--snapshot", PIMA_01, "--save-profile", profile.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("Wrote " + profile);

        CommandRun second = CommandRun.of("check", "--rules", "src/test/resources/report/pima.yaml", "--snapshot", PIMA_03, "--reference", profile.toString(),
                "--json", dir.resolve("run.json").toString());

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("Compared with pima-01.profile");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertThat(json.get("reference").asText()).isEqualTo("pima-01.profile");
    }

}
