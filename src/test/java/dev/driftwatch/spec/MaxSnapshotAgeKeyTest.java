package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key schedule.max_snapshot_age: its durations, its absence, and a bad value reported at its line. */
class MaxSnapshotAgeKeyTest {
    private static final String START = "dataset: d\nsource: s\n";

    @TempDir
    Path dir;

    @Test
    void theAgeReachesTheRulesFileInEveryDurationForm() throws IOException {
        for (String text : new String[] {"26h", "93600s", "PT26H"}) {
            Path file = RulesFiles.write(dir, START + "schedule:\n  max_snapshot_age: " + text + "\n");
            assertThat(new RulesFileLoader().load(file).maxSnapshotAge()).as(text).isEqualTo(Duration.ofHours(26));
            assertThat(new RulesSchema().check(file, Files.readString(file))).as(text).isEmpty();
        }
        assertThat(new RulesFileLoader().load(RulesFiles.write(dir, START)).maxSnapshotAge()).isNull();
    }

    @Test
    void aValueThatIsNoDurationIsRefusedNamingTheKey() throws IOException {
        Path file = RulesFiles.write(dir, START + "schedule:\n  max_snapshot_age: soon\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RulesFileLoader().load(file))
                .hasMessageContaining("schedule.max_snapshot_age").hasMessageContaining("soon");
    }
}
