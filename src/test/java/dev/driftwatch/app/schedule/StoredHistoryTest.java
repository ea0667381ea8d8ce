package dev.driftwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RuleResultRepository;
import dev.driftwatch.app.storage.RuleResultRow;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.engine.rule.Evidence;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The history an anomaly rule sees in the service (H2): the earlier snapshots with a successful run, in snapshot
 * order; a snapshot whose run failed never enters it. Row counts are those of the files the test writes.
 */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredHistoryTest implements TestPropertyProvider {
    private static final String ROWS_JUMP = """
              - name: rows-jump
                kind: anomaly
                severity: error
                metric: row_count
                strategy: absolute_change
                max_increase: 2
                min_history: 3
            """;
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private final Path root = TestDatasets.temporaryFolder("driftwatch-history");
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
        data.declare("grow", ROWS_JUMP);
        return Map.of("driftwatch.rules", data.rules().toString(), "driftwatch.interval", "1ms",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"));
    }

    @Test
    void onlyEarlierSuccessfulSnapshotsMakeTheHistory() throws Exception {
        snapshot("s1.csv", TestDatasets.HEALTHY, 1);
        watch.tick().join();
        assertThat(rowsJump().status()).isEqualTo("skipped");
        assertThat(rowsJump().message()).isEqualTo("only 0 earlier values of row_count in all; 3 needed.");
        snapshot("s2.csv", TestDatasets.HEALTHY, 2);
        watch.tick().join();
        assertThat(rowsJump().message()).isEqualTo("only 1 earlier value of row_count in all; 3 needed.");

        Path empty = snapshot("s3.csv", "id,age,glucose\n", 3);
        watch.tick().join();
        assertThat(latestRun().status()).isEqualTo("failed");
        Files.delete(empty);

        snapshot("s4.csv", TestDatasets.HEALTHY, 4);
        watch.tick().join();
        assertThat(rowsJump().message()).as("s3 failed: s1 and s2 only").isEqualTo(
                "only 2 earlier values of row_count in all; 3 needed.");

        StringBuilder twelve = new StringBuilder("id,age,glucose\n");
        for (int i = 1; i <= 12; i++) {
            twelve.append(i).append(",40,9").append(i % 10).append('\n');
        }
        snapshot("s5.csv", twelve.toString(), 5);
        watch.tick().join();
        RuleResultRow judged = rowsJump();
        // 12 rows against the previous successful snapshot's 4 (s4), at most 2 more allowed: 6
        assertThat(judged.status()).isEqualTo("fail");
        assertThat(judged.observed()).isEqualTo(12.0);
        assertThat(judged.threshold()).isEqualTo(6.0);
        assertThat(judged.toResult().evidence()).extracting(Evidence::source).containsExactly("s1.csv", "s2.csv", "s4.csv");
        assertThat(judged.toResult().evidence()).extracting(e -> e.values().get("value")).containsExactly("4", "4", "4");
    }

    private Path snapshot(String name, String csv, int day) throws Exception {
        Path file = data.snapshot("grow", name, csv);
        Files.setLastModifiedTime(file, FileTime.from(START.plusSeconds(86_400L * day)));
        return file;
    }

    private RuleResultRow rowsJump() {
        RunRow run = latestRun();
        assertThat(run.status()).isEqualTo("succeeded");
        return results.findByRunIdOrderByPositionAsc(run.id()).stream().filter(r -> r.ruleName().equals("rows-jump"))
                .findFirst().orElseThrow();
    }

    private RunRow latestRun() {
        return runs.findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(datasets.findByName("grow").orElseThrow().id())
                .orElseThrow();
    }
}
