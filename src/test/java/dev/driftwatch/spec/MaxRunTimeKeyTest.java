package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key schedule.max_run_time: its durations, its absence, and a bad or zero value reported at its line. */
class MaxRunTimeKeyTest {
    private static final String START = "dataset: d\nsource: s\n";

    @TempDir
    Path dir;

    @Test
    void theRunTimeReachesTheRulesFileInEveryDurationForm() throws IOException {
        for (String text : new String[] {"90s", "PT1M30S"}) {
            Path file = RulesFiles.write(dir, START + "schedule:\n  max_run_time: " + text + "\n");
            assertThat(new RulesFileLoader().load(file).maxRunTime()).as(text).isEqualTo(Duration.ofSeconds(90));
            assertThat(new RulesSchema().check(file, Files.readString(file))).as(text).isEmpty();
        }
        assertThat(new RulesFileLoader().load(RulesFiles.write(dir, START)).maxRunTime()).isNull();
    }

    @Test
    void aValueThatIsNoPositiveDurationIsRefusedAtItsLine() throws IOException {
        Path file = RulesFiles.write(dir, START + "schedule:\n  max_run_time: 0s\n");
        assertThatThrownBy(() -> new RulesFileLoader().load(file))
                .hasMessage(file + ":4: schedule.max_run_time: expected a positive duration but found PT0S");
    }

    @Test
    void durationsAreWrittenAsTheyAreReadBack() {
        assertThat(DurationText.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(DurationText.format(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.parse(DurationText.format(Duration.ofHours(49)))).isEqualTo(Duration.ofHours(49));
    }
}
