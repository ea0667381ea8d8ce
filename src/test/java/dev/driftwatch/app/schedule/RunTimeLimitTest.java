package dev.driftwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code driftwatch.limits.max-run-time} and a dataset's {@code schedule.max_run_time}: a run of a snapshot too large to
 * read in time is stopped, stored as failed with an error naming the limit, and frees its thread; another dataset of
 * the same tick succeeds.
 */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunTimeLimitTest implements TestPropertyProvider {
    /**
     * 40 million rows of 8 bytes (320 MB decompressed, within the 2 GiB read limit): far more than the profiler reads in
     * 2 s (it reads a few million short rows a second on the target machine).
     */
    private static final long ROWS = 40_000_000;
    private static final Duration MARGIN = Duration.ofSeconds(2);

    private final Path root = TemporaryFolders.create("driftwatch-run-time");
    private final TestDatasets data = new TestDatasets(root);

    @Inject
    DatasetWatch watch;
    @Inject
    DatasetRepository datasets;
    @Inject
    RunRepository runs;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("driftwatch.rules", data.rules().toString(), "driftwatch.interval", "1h",
                "driftwatch.threads", "3", "driftwatch.limits.max-run-time", "2s",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"));
    }

    @Test
    void aRunPastItsTimeIsStoppedAsFailedAndTheOtherDatasetsOfTheTickSucceed() throws IOException {
        data.declare("large");
        largeSnapshot(data.source("large").resolve("s1.csv.gz"));
        Path ownLimit = data.declare("larger", """
                schedule:
                  max_run_time: 1s
                """);
        largeSnapshot(data.source("larger").resolve("s1.csv.gz"));
        data.declare("small");
        data.snapshot("small", "s1.csv", TestDatasets.HEALTHY);

        long started = System.nanoTime();
        watch.tick().join();
        Duration tick = Duration.ofNanos(System.nanoTime() - started);

        RunRow large = latestRun("large");
        assertThat(large.status()).isEqualTo("failed");
        assertThat(large.error()).isEqualTo("stopped after 2s, the limit driftwatch.limits.max-run-time (2s); "
                + "raise it for snapshots this large");
        assertThat(Duration.between(large.startedAt(), large.finishedAt())).isLessThan(Duration.ofSeconds(2).plus(MARGIN));
        RunRow larger = latestRun("larger");
        assertThat(larger.status()).isEqualTo("failed");
        assertThat(larger.error()).isEqualTo("stopped after 1s, the limit schedule.max_run_time of " + ownLimit
                + " (1s); raise it for snapshots this large");
        assertThat(Duration.between(larger.startedAt(), larger.finishedAt())).isLessThan(Duration.ofSeconds(1).plus(MARGIN));
        assertThat(latestRun("small").status()).isEqualTo("succeeded");
        // the tick ends when its runs have ended: the stopped runs' threads are free again
        assertThat(tick).isLessThan(Duration.ofSeconds(2).plus(MARGIN).plus(MARGIN));
    }

    private RunRow latestRun(String dataset) {
        return runs.findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(datasets.findByName(dataset).orElseThrow().id())
                .orElseThrow();
    }

    /** {@link #ROWS} rows of the declared columns, gzip-compressed (repetitive, so about 1 MB on disk). */
    private static void largeSnapshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] block = "1,30,85\n".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("id,age,glucose\n".getBytes(StandardCharsets.US_ASCII));
            for (long row = 0; row < ROWS; row += 8192) {
                out.write(block);
            }
        }
    }
}
