package dev.driftwatch.app.limits;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.schedule.DatasetRunner;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A snapshot whose every row holds a byte that is not UTF-8 fails at every try; it is stored as one failed run, not
 * one per turn, and the schedule waits before trying it again. Once its content changes it is evaluated at once.
 */
class RepeatedFailureTest {
    /** glucose of row 2 is the byte 0xFF, which no UTF-8 text holds; the other rows are HEALTHY's. */
    private static final byte[] NOT_UTF8 = concat("id,age,glucose\n1,30,85\n2,41,".getBytes(),
            new byte[] {(byte) 0xFF}, "\n3,52,101\n4,33,97\n".getBytes());
    private static final String ERROR = "1 of 4 rows of snapshot s1.csv could not be read (more than the allowed 1.0%); "
            + "first problem: s1.csv:3: expected UTF-8 text but found an invalid byte sequence";

    @Test
    void aSnapshotThatFailsTheSameWayAtEveryTurnIsStoredAsOneFailedRunUntilItsContentChanges() throws IOException {
        List<String> debug = fiveTicks("0s");
        assertThat(debug).filteredOn(line -> line.contains("failed again")).as("tried again at every turn").hasSize(4);
    }

    @Test
    void theScheduleWaitsBeforeItTriesAFailedSnapshotAgain() throws IOException {
        List<String> debug = fiveTicks("1h");
        assertThat(debug).filteredOn(line -> line.contains("not tried again yet")).as("left alone for an hour").hasSize(4);
        assertThat(debug).filteredOn(line -> line.contains("failed again")).isEmpty();
    }

    /** Five turns over the failing snapshot, then one over its repaired content; the runner's debug lines. */
    private static List<String> fiveTicks(String backoff) throws IOException {
        Path root = TemporaryFolders.create("driftwatch-repeated");
        var data = new TestDatasets(root);
        data.declare("broken");
        Path file = data.snapshot("broken", "s1.csv", "");
        Files.write(file, NOT_UTF8);
        Logger runner = (Logger) LoggerFactory.getLogger(DatasetRunner.class);
        Level level = runner.getLevel();
        var log = new ListAppender<ILoggingEvent>();
        log.start();
        runner.addAppender(log);
        runner.setLevel(Level.DEBUG);
        try (var context = ApplicationContext.run(Map.of("driftwatch.rules", data.rules().toString(),
                "driftwatch.interval", "1ms", "driftwatch.limits.retry-backoff", backoff,
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch")), "test")) {
            DatasetWatch watch = context.getBean(DatasetWatch.class);
            RunRepository runs = context.getBean(RunRepository.class);
            for (int turn = 0; turn < 5; turn++) {
                watch.tick().join();
            }
            long dataset = context.getBean(DatasetRepository.class).findByName("broken").orElseThrow().id();
            assertThat(runs.findByDatasetIdAndStatusOrderByIdAsc(dataset, "failed")).as("after five turns")
                    .singleElement().extracting(RunRow::error).isEqualTo(ERROR);
            assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                    .extracting(ILoggingEvent::getFormattedMessage).asString().endsWith(ERROR);

            TestDatasets.write(file, TestDatasets.HEALTHY);
            watch.tick().join();
            assertThat(runs.countByDatasetId(dataset)).isEqualTo(2);
            assertThat(runs.findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(dataset).orElseThrow())
                    .extracting(RunRow::status, RunRow::outcome).containsExactly("succeeded", "pass");
            return log.list.stream().filter(e -> e.getLevel() == Level.DEBUG).map(ILoggingEvent::getFormattedMessage).toList();
        } finally {
            runner.detachAppender(log);
            runner.setLevel(level);
        }
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
