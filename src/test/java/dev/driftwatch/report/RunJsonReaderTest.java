package dev.driftwatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.run.RunReport;
import org.junit.jupiter.api.Test;

class RunJsonReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aRunWrittenAsJsonReadsBackAsTheSameReport() {
        RunReport run = ExampleRuns.madeWithMl();

        RunReport read = new RunJsonReader().read(new RunJson().write(run));

        assertThat(read.dataset()).isEqualTo(run.dataset());
        assertThat(read.snapshot().id()).isEqualTo(run.snapshot().id());
        assertThat(read.snapshot().version()).isEqualTo(run.snapshot().version());
        assertThat(read.snapshot().provenance()).isEqualTo(run.snapshot().provenance());
        assertThat(read.snapshot().files()).extracting(f -> f.relativePath() + " " + f.split() + " " + f.bytes() + " "
                + f.sha256()).isEqualTo(run.snapshot().files().stream().map(f -> f.relativePath() + " " + f.split() + " "
                + f.bytes() + " " + f.sha256()).toList());
        assertThat(read.reference()).isEqualTo(run.reference());
        assertThat(read.startedAt()).isEqualTo(run.startedAt());
        assertThat(read.finishedAt()).isEqualTo(run.finishedAt());
        assertThat(read.results()).isEqualTo(run.results());
        assertThat(read.timings()).isEqualTo(run.timings());
        assertThat(ProfileCodec.toBytes(read.profile())).isEqualTo(ProfileCodec.toBytes(run.profile()));
        assertThat(new RunJson().write(read)).isEqualTo(new RunJson().write(run));
    }

    @Test
    void aReportWithoutTheProfileStateIsRefusedSayingWhere() throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(new RunJson().write(ExampleRuns.pima()));
        json.remove("profileState");

        assertThatThrownBy(() -> new RunJsonReader().read(json.toString())).isInstanceOf(RunJsonException.class)
                .hasMessage("expected text at /profileState but found none");
    }

    @Test
    void aSnapshotWithoutTheSha256OfItsContentIsRefused() throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(new RunJson().write(ExampleRuns.pima()));
        ((ObjectNode) json.at("/snapshot/provenance")).putNull("sha256");

        assertThatThrownBy(() -> new RunJsonReader().read(json.toString())).isInstanceOf(RunJsonException.class)
                .hasMessage("expected text at /snapshot/provenance/sha256 but found null");
    }

    @Test
    void anUnknownStatusIsRefusedNamingTheResult() throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(new RunJson().write(ExampleRuns.pima()));
        ((ObjectNode) json.at("/results/1")).put("status", "bad");

        assertThatThrownBy(() -> new RunJsonReader().read(json.toString())).isInstanceOf(RunJsonException.class)
                .hasMessage("expected one of pass, warn, fail, error, skipped at /results/1/status but found 'bad'");
    }
}
