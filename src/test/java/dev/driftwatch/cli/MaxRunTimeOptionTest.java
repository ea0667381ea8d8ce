package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --max-run-time}: a snapshot too large to read in time ends in exit 2 naming the option, promptly. */
class MaxRunTimeOptionTest {
    /** 40 million short rows: far more than the profiler reads in a second. */
    private static final long ROWS = 40_000_000;

    @TempDir
    Path dir;

    @Test
    void aCheckPastItsTimeStopsWithExitTwoNamingTheLimit() throws IOException {
        Path snapshot = dir.resolve("data/s1.csv.gz");
        Files.createDirectories(snapshot.getParent());
        byte[] block = "1,30,85\n".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(snapshot), 1 << 16)) {
            out.write("id,age,glucose\n".getBytes(StandardCharsets.US_ASCII));
            for (long row = 0; row < ROWS; row += 8192) {
                out.write(block);
            }
        }
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                dataset: large
                source: data
                layout: file_per_snapshot
                files: "*.csv.gz"
                rules:
                  - name: glucose-present
                    kind: missing_values
                    columns: [glucose]
                """);

        long started = System.nanoTime();
        CommandRun run = CommandRun.of("check", "--rules", rules.toString(), "--snapshot", snapshot.toString(),
                "--max-run-time", "1s");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: stopped after 1s, the limit --max-run-time (1s)\n");
        assertThat(took).isLessThan(Duration.ofSeconds(4));
    }
}
