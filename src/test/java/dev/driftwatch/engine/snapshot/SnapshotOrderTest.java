package dev.driftwatch.engine.snapshot;

import static dev.driftwatch.engine.snapshot.SnapshotDiscoveryTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SnapshotOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots are evaluated in time order (or declared name order), never in plain text order of their names. */
class SnapshotOrderTest {
    @TempDir
    Path temp;

    @Test
    void snap9WrittenBeforeSnap10ComesFirstThoughItsNameSortsLaterAsText() throws IOException {
        snapshot("snap-10.csv", "2026-02-02T00:00:00Z");
        snapshot("snap-9.csv", "2026-02-01T00:00:00Z");

        assertThat(List.of("snap-10.csv", "snap-9.csv")).as("plain text order, the old behaviour").isSorted();
        assertThat(ids(SnapshotOrder.MODIFIED)).containsExactly("snap-9.csv", "snap-10.csv");
    }

    @Test
    void theNewestFileOfAFolderDatesItAndEqualTimesFallBackToNumbersInTheName() throws IOException {
        snapshot("snap-10.csv", "2026-02-01T00:00:00Z");
        snapshot("snap-9.csv", "2026-02-01T00:00:00Z");
        snapshot("snap-2.csv", "2026-02-01T00:00:00Z");
        snapshot("snap-1.csv", "2026-03-01T00:00:00Z");

        assertThat(ids(SnapshotOrder.MODIFIED)).containsExactly("snap-2.csv", "snap-9.csv", "snap-10.csv", "snap-1.csv");
    }

    @Test
    void orderNameFollowsTheNamesWhateverTheFileTimes() throws IOException {
        snapshot("s13_2022-04-18_Made-With-ML_d3491f3.csv", "2026-02-03T00:00:00Z");
        snapshot("s15_2022-05-02_Made-With-ML_578e612.csv", "2026-02-01T00:00:00Z");
        snapshot("s9_2022-03-01_Made-With-ML_aaaaaaa.csv", "2026-02-02T00:00:00Z");

        assertThat(ids(SnapshotOrder.NAME)).containsExactly("s9_2022-03-01_Made-With-ML_aaaaaaa.csv",
                "s13_2022-04-18_Made-With-ML_d3491f3.csv", "s15_2022-05-02_Made-With-ML_578e612.csv");
    }

    @Test
    void theShippedExamplesOrderByTheDatesInTheirNames() {
        var layout = new SnapshotLayout(SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT, "*.csv", Duration.ZERO, null, SnapshotOrder.NAME);
        var dataset = new DatasetDefinition("split", Path.of("src/examples/madewithml-split/snapshots"), layout, null, null,
                null, null, null, null, 0.01, null);

        assertThat(new SnapshotDiscovery(Clock.systemUTC()).discover(dataset)).extracting(Snapshot::id)
                .containsExactly("s24_2023-07-26_Made-With-ML_776a75b", "s25_2023-08-19_Made-With-ML_030573f");
    }

    private List<String> ids(SnapshotOrder order) {
        var layout = new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, "*.csv", Duration.ZERO, null, order);
        var dataset = new DatasetDefinition("t", temp, layout, null, null, null, null, null, null, 0.01, null);
        return new SnapshotDiscovery(Clock.systemUTC()).discover(dataset).stream().map(Snapshot::id).toList();
    }

    private void snapshot(String name, String modified) throws IOException {
        write(temp.resolve(name), "id\n1\n");
        Files.setLastModifiedTime(temp.resolve(name), FileTime.from(Instant.parse(modified)));
    }
}
