package dev.driftwatch.app.limits;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RuleResultRepository;
import dev.driftwatch.app.storage.RuleResultRow;
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
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Hostile files written by the test (a gzip bomb, a line of a hundred megabytes, a header of 20,000 names, a line
 * that cannot fit in the heap) end in a failed run whose error says which limit they passed, and the service goes on.
 * Every dataset is looked at once an hour, so each test's tick evaluates only its own new snapshot.
 */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFilesTest implements TestPropertyProvider {
    private static final String HOURLY = "schedule:\n  interval: 1h\n";
    private final Path root = TemporaryFolders.create("driftwatch-hostile");
    private final TestDatasets data = new TestDatasets(root);

    @Inject
    DatasetWatch watch;
    @Inject
    DatasetRepository datasets;
    @Inject
    RunRepository runs;
    @Inject
    RuleResultRepository results;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("driftwatch.rules", data.rules().toString(), "datasources.default.url",
                "jdbc:h2:file:" + root.resolve("db/driftwatch"));
    }

    @Test
    void aGzipBombStopsAtTheDecompressedLimitAndTheRunSaysWhere() throws IOException {
        data.declare("bomb", HOURLY + "max_decompressed_bytes: 8388608\n");
        Path bomb = data.source("bomb").resolve("s1.csv.gz");
        long written = gzip(bomb, "id,age,glucose\n", "1,30,85\n", 64 << 20);
        assertThat(Files.size(bomb)).as("the compressed size of %d bytes", written).isLessThan(1 << 20);

        watch.tick().join();

        RunRow run = latestRun("bomb");
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).isEqualTo("could not read " + bomb + ": expected at most 8388608 bytes per snapshot after "
                + "decompression (max_decompressed_bytes) but found more: the limit was passed in s1.csv.gz");
    }

    @Test
    void aPlainFileLargerThanTheDecompressedLimitIsReadWhole() {
        // the limit guards against what a gzip file expands to; a plain file is what is on disk, at any size
        data.declare("plain", HOURLY + "max_decompressed_bytes: 4096\n");
        int rows = 2_000;
        var csv = new StringBuilder("id,age,glucose\n");
        int zeros = 0;
        for (int i = 0; i < rows; i++) {
            boolean unmeasured = i % 10 == 3;
            zeros += unmeasured ? 1 : 0;
            csv.append(i).append(",30,").append(unmeasured ? "0" : "85").append('\n');
        }
        assertThat(csv.length()).isGreaterThan(4 * 4096);
        data.snapshot("plain", "s1.csv", csv.toString());

        watch.tick().join();

        RunRow run = latestRun("plain");
        assertThat(run.status()).isEqualTo("succeeded");
        assertThat(results.findByRunIdOrderByPositionAsc(run.id())).extracting(RuleResultRow::message).containsExactly(
                String.format(Locale.ROOT, "glucose: %d of %,d (%.1f%%) values missing in all (%d '0'); within the "
                        + "allowed 25.0%%.", zeros, rows, 100.0 * zeros / rows, zeros));
    }

    @Test
    void aLineOfAHundredMegabytesIsARejectedRowWithItsSize() throws IOException {
        declareJsonLines("longline", "");
        Path file = data.source("longline").resolve("s1.jsonl.gz");
        String huge = "{\"id\": 0, \"age\": 30, \"glucose\": \"" + "a".repeat(100 << 20) + "\"}\n";
        writeGzip(file, huge + "{\"id\": 1, \"age\": 30, \"glucose\": 85}\n{\"id\": 2, \"age\": 31, \"glucose\": 90}\n");

        watch.tick().join();

        RunRow run = latestRun("longline");
        assertThat(run.status()).isEqualTo("failed");
        long lineBytes = huge.length() - 1; // ASCII: one byte a character, the line end not counted
        assertThat(run.error()).isEqualTo("1 of 3 rows of snapshot s1.jsonl.gz could not be read (more than the allowed "
                + "1.0%); first problem: s1.jsonl.gz:1: expected a line of at most 16777216 bytes (max_line_bytes) but "
                + "found one of " + lineBytes + " bytes");
    }

    @Test
    void aHeaderOfTwentyThousandNamesIsRefusedByTheColumnLimit() {
        // the header is no row: its problem costs the two data rows after it
        data.declare("wide", HOURLY);
        String header = IntStream.range(0, 20_000).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        String row = IntStream.range(0, 20_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        data.snapshot("wide", "s1.csv", header + "\n" + row + "\n" + row + "\n");

        watch.tick().join();

        RunRow run = latestRun("wide");
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).isEqualTo("2 of 2 rows of snapshot s1.csv could not be read (more than the allowed 1.0%); "
                + "first problem: s1.csv:1: expected at most 10000 columns (max_columns) but found a record of 20000 fields");
    }

    @Test
    void jsonObjectsWithTwentyThousandKeysAreRefusedByTheColumnLimit() throws IOException {
        declareJsonLines("widejson", "");
        String object = IntStream.range(0, 20_000).mapToObj(i -> "\"c" + i + "\": " + i)
                .collect(Collectors.joining(", ", "{", "}"));
        Path file = data.source("widejson").resolve("s1.jsonl.gz");
        writeGzip(file, object + "\n");

        watch.tick().join();

        assertThat(latestRun("widejson").error()).isEqualTo("could not read " + file + ": expected at most 10000 columns "
                + "(max_columns) but found more: key 'c10000' of the record at line 1 would be column 10001");
    }

    @Test
    void anOutOfMemoryErrorIsStoredAsTheRunsErrorAndLoggedOnceWithItsCause() throws IOException {
        long heap = Runtime.getRuntime().maxMemory();
        assertThat(heap).as("the test JVM's heap (-Xmx2g in the pom's surefire argLine)").isLessThanOrEqualTo(2L << 30);
        // a line just over half the heap: keeping it needs an array of twice that, which cannot exist
        declareJsonLines("oom", "max_line_bytes: 2147483639\nmax_decompressed_bytes: 4294967296\n");
        Path file = data.source("oom").resolve("s1.jsonl.gz");
        gzip(file, "{\"id\": 0, \"glucose\": \"", "a", heap / 2 + (1 << 20));
        ListAppender<ILoggingEvent> log = logOf("dev.driftwatch");
        try {
            watch.tick().join();
        } finally {
            ((Logger) LoggerFactory.getLogger("dev.driftwatch")).detachAppender(log);
        }

        RunRow run = latestRun("oom");
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
        assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getFormattedMessage()).isEqualTo("oom: run " + run.id()
                    + " of snapshot s1.jsonl.gz failed: java.lang.OutOfMemoryError: Java heap space");
            assertThat(e.getThrowableProxy().getClassName()).isEqualTo("java.lang.OutOfMemoryError");
        });
    }

    private void declareJsonLines(String name, String moreKeys) {
        TestDatasets.write(data.rules().resolve(name + ".yaml"), """
                dataset: %s
                source: %s
                layout: file_per_snapshot
                files: "*.jsonl.gz"
                settle: 0s
                schedule:
                  interval: 1h
                %s
                rules:
                  - name: rows
                    kind: row_count
                    min: 1
                """.formatted(name, data.source(name).toAbsolutePath(), moreKeys));
    }

    /** Writes a gzip file of a head and then a unit repeated until the text has at least {@code bytes}; its length. */
    private static long gzip(Path file, String head, String unit, long bytes) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] block = unit.repeat(Math.max(1, (1 << 16) / unit.length())).getBytes(StandardCharsets.UTF_8);
        long written = head.length();
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            while (written < bytes) {
                out.write(block);
                written += block.length;
            }
        }
        return written;
    }

    private static void writeGzip(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private RunRow latestRun(String dataset) {
        return runs.findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(datasets.findByName(dataset).orElseThrow().id())
                .orElseThrow();
    }

    private static ListAppender<ILoggingEvent> logOf(String name) {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(name)).addAppender(appender);
        return appender;
    }
}
