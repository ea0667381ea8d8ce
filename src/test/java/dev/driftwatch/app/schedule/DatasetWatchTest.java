package dev.driftwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.CatalogEvents;
import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scheduler's behaviour, driven tick by tick ({@link DatasetWatch#tick()}), on a temporary rules
 * folder and H2 file. The interval is 1 ms, so every dataset is due at every tick.
 */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetWatchTest implements TestPropertyProvider {
    private final Path root = TemporaryFolders.create("driftwatch-watch");
    private final TestDatasets data = new TestDatasets(root);

    @Inject
    DatasetWatch watch;
    @Inject
    DatasetRepository datasets;
    @Inject
    SnapshotRepository snapshots;
    @Inject
    RunRepository runs;
    @Inject
    CatalogEvents events;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("driftwatch.rules", data.rules().toString(), "driftwatch.interval", "1ms",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"));
    }

    @Test
    void aSnapshotDroppedIntoTheFolderIsEvaluatedOnTheNextTick() {
        data.declare("arrivals");
        data.snapshot("arrivals", "s1.csv", TestDatasets.HEALTHY);
        watch.tick().join();
        data.snapshot("arrivals", "s2.csv", TestDatasets.UNMEASURED);
        watch.tick().join();

        List<SnapshotRow> stored = snapshotsOf("arrivals");
        assertThat(stored).extracting(SnapshotRow::name).containsExactly("s1.csv", "s2.csv");
        RunRow second = onlyRun(stored.get(1));
        assertThat(second.outcome()).isEqualTo("fail");
        assertThat(second.referenceSnapshotId()).isEqualTo(stored.get(0).id());
        assertThat(onlyRun(stored.get(0)).outcome()).isEqualTo("pass");
    }

    @Test
    void aSnapshotIsEvaluatedOnceHoweverManyTicksSeeIt() {
        data.declare("steady");
        data.snapshot("steady", "s1.csv", TestDatasets.HEALTHY);
        for (int i = 0; i < 3; i++) {
            watch.tick().join();
        }

        assertThat(snapshotsOf("steady")).singleElement().satisfies(s -> assertThat(onlyRun(s).succeeded()).isTrue());
        assertThat(runs.countByDatasetId(datasets.findByName("steady").orElseThrow().id())).isEqualTo(1);
    }

    @Test
    void aFailedRunIsStoredAndRetriedOnTheNextTick() throws IOException {
        data.declare("late");
        watch.tick().join();
        Long dataset = datasets.findByName("late").orElseThrow().id();
        RunRow failed = runs.findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(dataset).orElseThrow();
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo("expected a folder of snapshots at " + data.source("late").toAbsolutePath()
                + " but found none");
        watch.tick().join();
        assertThat(runs.countByDatasetId(dataset)).as("the same failure again is the same failed run").isEqualTo(1);

        data.snapshot("late", "s1.csv.gz", "not gzip at all");
        watch.tick().join();
        watch.tick().join();
        SnapshotRow unreadable = snapshotsOf("late").get(0);
        assertThat(runs.findBySnapshotIdOrderByIdAsc(unreadable.id())).as("one failed run until the content changes "
                        + "(issue 14: the schedule backs off, and the same failure is not stored again)").singleElement()
                .satisfies(run -> assertThat(run.error()).startsWith("could not read "));

        Files.delete(data.source("late").resolve("s1.csv.gz"));
        data.snapshot("late", "s1.csv", TestDatasets.HEALTHY);
        watch.tick().join();
        assertThat(runs.findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(dataset).orElseThrow().succeeded()).isTrue();
    }

    @Test
    void aBrokenRulesFileDoesNotStopAnotherDataset() {
        TestDatasets.write(data.rules().resolve("broken.yaml"), "dataset: broken\nsource: /nowhere\nlayou: file_per_snapshot\n");
        data.declare("neighbour");
        data.snapshot("neighbour", "s1.csv", TestDatasets.HEALTHY);
        watch.tick().join();

        assertThat(snapshotsOf("neighbour")).singleElement().satisfies(s -> assertThat(onlyRun(s).succeeded()).isTrue());
        assertThat(datasets.findByName("broken")).isEmpty();
    }

    @Test
    void aPinnedBaselineIsEvaluatedFirstAndIsTheReferenceOfEveryOtherSnapshot() {
        data.declare("pinned", "reference: {baseline: s2.csv}\n");
        data.snapshot("pinned", "s1.csv", TestDatasets.HEALTHY);
        data.snapshot("pinned", "s2.csv", TestDatasets.UNMEASURED);
        data.snapshot("pinned", "s3.csv", TestDatasets.HEALTHY.replace("85", "86"));
        watch.tick().join();

        List<SnapshotRow> stored = snapshotsOf("pinned");
        assertThat(stored).extracting(SnapshotRow::name).containsExactly("s1.csv", "s2.csv", "s3.csv");
        RunRow baseline = onlyRun(stored.get(1));
        assertThat(baseline.referenceSnapshotId()).isNull();
        assertThat(onlyRun(stored.get(0)).id()).isGreaterThan(baseline.id());
        assertThat(onlyRun(stored.get(0)).referenceSnapshotId()).isEqualTo(stored.get(1).id());
        assertThat(onlyRun(stored.get(2)).referenceSnapshotId()).isEqualTo(stored.get(1).id());
    }

    @Test
    void anEditedRulesFileIsReadAtTheNextTickAndAnnounced() throws IOException {
        Path file = data.declare("edited");
        watch.tick().join();
        assertThat(events.received()).last().satisfies(e ->
                assertThat(e.rulesByDataset()).containsEntry("edited", java.util.Set.of("glucose-measured")));
        Files.writeString(file, Files.readString(file) + """
                  - name: age-measured
                    kind: missing_values
                    severity: warn
                    columns: [age]
                    max_ratio: 0
                """);
        watch.tick().join();
        assertThat(events.received()).last().satisfies(e -> assertThat(e.rulesByDataset())
                .containsEntry("edited", java.util.Set.of("glucose-measured", "age-measured")));
        int count = events.received().size();
        watch.tick().join();
        assertThat(events.received()).as("no change, no event").hasSize(count);
    }

    @Test
    void aSnapshotRewrittenInPlaceIsANewVersionEvaluatedOnceAndItsRunReadItsNewBytes() throws IOException {
        data.declare("rewritten");
        Path file = data.snapshot("rewritten", "s1.csv", TestDatasets.HEALTHY);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
        watch.tick().join();
        TestDatasets.write(file, TestDatasets.UNMEASURED);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-02-02T00:00:00Z")));
        for (int i = 0; i < 3; i++) {
            watch.tick().join();
        }

        List<SnapshotRow> versions = snapshotsOf("rewritten").stream().sorted(Comparator.comparing(SnapshotRow::id)).toList();
        assertThat(versions).extracting(SnapshotRow::name).containsExactly("s1.csv", "s1.csv");
        // SHA-256 recounted with MessageDigest over the bytes written: what each run read
        assertThat(versions).extracting(SnapshotRow::fingerprint)
                .containsExactly(TestDatasets.sha256(TestDatasets.HEALTHY), TestDatasets.sha256(TestDatasets.UNMEASURED));
        assertThat(onlyRun(versions.get(0)).outcome()).isEqualTo("pass");
        assertThat(onlyRun(versions.get(1)).outcome()).isEqualTo("fail");
    }

    @Test
    void aSnapshotIsEvaluatedOnlyOnceItHasSettled() throws IOException {
        data.declare("settling", "settle: 1h\n");
        Path file = data.snapshot("settling", "s1.csv", TestDatasets.HEALTHY);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(1800)));
        watch.tick().join();
        assertThat(snapshotsOf("settling")).as("modified 30 minutes ago").isEmpty();
        assertThat(runs.countByDatasetId(datasets.findByName("settling").orElseThrow().id())).as("not a failure").isZero();

        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3700)));
        watch.tick().join();
        assertThat(snapshotsOf("settling")).singleElement().satisfies(s -> assertThat(onlyRun(s).succeeded()).isTrue());
    }

    @Test
    void snap10WrittenAfterSnap9IsComparedWithSnap9() throws IOException {
        data.declare("numbered");
        Files.setLastModifiedTime(data.snapshot("numbered", "snap-10.csv", TestDatasets.UNMEASURED),
                FileTime.from(Instant.parse("2026-02-02T00:00:00Z")));
        Files.setLastModifiedTime(data.snapshot("numbered", "snap-9.csv", TestDatasets.HEALTHY),
                FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
        watch.tick().join();

        List<SnapshotRow> stored = snapshotsOf("numbered");
        assertThat(stored).extracting(SnapshotRow::name).containsExactly("snap-10.csv", "snap-9.csv");
        assertThat(onlyRun(stored.get(1)).referenceSnapshotId()).isNull();
        assertThat(onlyRun(stored.get(0)).referenceSnapshotId()).isEqualTo(stored.get(1).id());
        assertThat(onlyRun(stored.get(0)).id()).isGreaterThan(onlyRun(stored.get(1)).id());
    }

    private List<SnapshotRow> snapshotsOf(String dataset) {
        return snapshots.findByDatasetIdOrderByName(datasets.findByName(dataset).orElseThrow().id());
    }

    private RunRow onlyRun(SnapshotRow snapshot) {
        List<RunRow> list = runs.findBySnapshotIdOrderByIdAsc(snapshot.id());
        assertThat(list).hasSize(1);
        return list.get(0);
    }

}
